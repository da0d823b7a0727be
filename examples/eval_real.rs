//! Evaluate skillfit on real, hand-labelled documents (a development tool, not a CI test: the
//! documents are fetched into a git-ignored folder, see "Real documents" in README.md).
//!
//! ```sh
//! cargo run --example eval_real -- corpus/real tests/real          # both sets
//! cargo run --example eval_real -- corpus/real tests/real -v       # every miss, per document
//! cargo run --example eval_real -- corpus/real tests/real --why    # -v, and the lines that listed
//!                                                                    # each skill not labelled
//! cargo run --example eval_real -- corpus/real tests/real --only=a.md,b.md  # a subset of résumés
//! ```
//!
//! Résumés (`tests/real/labels.toml`, texts in `corpus/real/resumes/`): employers found with the
//! exact start and end month, listed-skill recall and precision, dated-skill months within ±1,
//! résumés with a dated career but 0 total months. Postings (`tests/real/postings.toml`, texts
//! in `corpus/real/postings/`): required recall, preferred recall, precision of the scored
//! levels, skills invented from words that do not name them.
//!
//! Skills are compared through the taxonomy (an alias and its skill are the same), and by
//! normalised name when the taxonomy does not know the term.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use skillfit::period::Month;
use skillfit::posting::{self, Level};
use skillfit::profile::Profile;
use skillfit::taxonomy::{normalize_key, Taxonomy};

#[derive(Deserialize)]
struct ResumeLabels {
    #[serde(default)]
    resume: Vec<ResumeLabel>,
}

#[derive(Deserialize)]
struct ResumeLabel {
    file: String,
    #[serde(default)]
    employers: Vec<EmployerLabel>,
    #[serde(default)]
    listed_skills: Vec<String>,
    #[serde(default)]
    dated_skills: Vec<DatedLabel>,
}

#[derive(Deserialize)]
struct EmployerLabel {
    name: String,
    start: String,
    end: String,
}

#[derive(Deserialize)]
struct DatedLabel {
    skill: String,
    months: u32,
}

#[derive(Deserialize)]
struct PostingLabels {
    #[serde(default)]
    posting: Vec<PostingLabel>,
}

#[derive(Deserialize)]
struct PostingLabel {
    file: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    required: Vec<String>,
    #[serde(default)]
    preferred: Vec<String>,
    #[serde(default)]
    stack: Vec<String>,
    #[serde(default)]
    other: Vec<String>,
}

/// A comparable key for a skill name: the taxonomy id when it knows the name, else the
/// normalised name.
fn key(tax: &Taxonomy, name: &str) -> String {
    if let Some(id) = tax.resolve(name) {
        return format!("id:{}", tax.skill(id).id);
    }
    let hits = tax.find(name);
    if hits.len() == 1 && hits[0].end - hits[0].start + 2 >= name.trim().len() {
        return format!("id:{}", tax.skill(hits[0].skill).id);
    }
    format!("term:{}", normalize_key(name))
}

/// An employer name without legal-form words, spaces and punctuation, for a lenient match.
fn org_key(s: &str) -> String {
    let mut t: String = skillfit::text::nfkc(s).to_lowercase();
    for w in [
        "株式会社",
        "(株)",
        "有限会社",
        "合同会社",
        "inc.",
        "inc",
        "llc",
        "ltd.",
        "ltd",
        "co.,",
        "corp.",
        "corporation",
        "limited",
        "gmbh",
    ] {
        t = t.replace(w, "");
    }
    t.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn same_org(a: &str, b: &str) -> bool {
    let (a, b) = (org_key(a), org_key(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn same_month(label: &str, found: Option<&str>) -> bool {
    match (label, found) {
        ("present", None) => true,
        ("present", Some(_)) | (_, None) => false,
        (l, Some(f)) if l.len() == 4 => f.starts_with(l),
        (l, Some(f)) => l == f,
    }
}

#[derive(Default)]
struct Tally {
    hit: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.hit += usize::from(ok);
    }
    fn pct(&self) -> String {
        if self.total == 0 {
            return "n/a".to_owned();
        }
        format!(
            "{:.1} % ({}/{})",
            100.0 * self.hit as f64 / self.total as f64,
            self.hit,
            self.total
        )
    }
}

fn eval_resumes(
    docs: &Path,
    labels: &Path,
    tax: &Taxonomy,
    verbose: bool,
    why: bool,
    only: Option<&[&str]>,
) -> anyhow::Result<()> {
    let mut labels: ResumeLabels = toml::from_str(&std::fs::read_to_string(labels)?)?;
    if let Some(only) = only {
        labels.resume.retain(|l| only.contains(&l.file.as_str()));
    }
    let as_of = Month::new(2026, 11).expect("valid month");
    let (mut employers, mut extra_employers) = (Tally::default(), 0usize);
    let (mut recall, mut precision, mut dated) =
        (Tally::default(), Tally::default(), Tally::default());
    let mut zero_total = 0;
    let mut n = 0;
    for label in &labels.resume {
        let path = docs.join("resumes").join(&label.file);
        if !path.is_file() {
            eprintln!(
                "missing {} (fetch it first: tests/real/README.md)",
                path.display()
            );
            continue;
        }
        n += 1;
        let profile: Profile = skillfit::profile_resume(&path, tax, as_of)?;
        let mut misses = Vec::new();
        for e in &label.employers {
            let ok = profile.companies.iter().any(|c| {
                same_org(&c.name, &e.name)
                    && same_month(&e.start, Some(&c.start.to_string()))
                    && same_month(&e.end, c.end.map(|m| m.to_string()).as_deref())
            });
            employers.add(ok);
            if !ok {
                misses.push(format!("employer {} {}..{}", e.name, e.start, e.end));
            }
        }
        for c in &profile.companies {
            if !label.employers.iter().any(|e| same_org(&c.name, &e.name)) {
                extra_employers += 1;
                misses.push(format!(
                    "not an employer: {} {}..{}",
                    c.name,
                    c.start,
                    c.end.map(|m| m.to_string()).unwrap_or_default()
                ));
            }
        }
        let listed: BTreeSet<String> = profile
            .skills
            .iter()
            .filter(|s| s.listed)
            .map(|s| key(tax, &s.skill))
            .collect();
        let labelled: BTreeSet<String> = label.listed_skills.iter().map(|s| key(tax, s)).collect();
        for (name, k) in label.listed_skills.iter().map(|s| (s, key(tax, s))) {
            let ok = listed.contains(&k);
            recall.add(ok);
            if !ok {
                misses.push(format!("listed skill missed: {name} ({k})"));
            }
        }
        for s in profile.skills.iter().filter(|s| s.listed) {
            let ok = labelled.contains(&key(tax, &s.skill));
            precision.add(ok);
            if !ok {
                misses.push(format!("listed but not labelled: {}", s.skill));
                if why {
                    // Where the listing came from: each listed mention's line.
                    let text = std::fs::read_to_string(&path)?;
                    let parsed = skillfit::resume::parse_resume(&text, tax);
                    for m in parsed
                        .mentions
                        .iter()
                        .filter(|m| m.is_listed && tax.skill(m.skill).name == s.skill)
                    {
                        let t: String = m.text.chars().take(100).collect();
                        misses.push(format!("        line {}: {t}", m.line));
                    }
                }
            }
        }
        for d in &label.dated_skills {
            let k = key(tax, &d.skill);
            let got = profile
                .skills
                .iter()
                .find(|s| key(tax, &s.skill) == k)
                .and_then(|s| s.months);
            let ok = got.is_some_and(|m| m.abs_diff(d.months) <= 1);
            dated.add(ok);
            if !ok {
                misses.push(format!(
                    "months of {}: {:?}, labelled {}",
                    d.skill, got, d.months
                ));
            }
        }
        if profile.total_months == 0 && !label.employers.is_empty() {
            zero_total += 1;
            misses.push("total experience 0 although the career is dated".to_owned());
        }
        if verbose && !misses.is_empty() {
            println!("{} ({} misses)", label.file, misses.len());
            for m in &misses {
                println!("    {m}");
            }
        }
    }
    println!("\nRésumés: {n}");
    println!("| measure | value |\n|---|---|");
    println!(
        "| employers exact (start and end month) | {} |",
        employers.pct()
    );
    println!("| employers found that are not labelled | {extra_employers} |");
    println!("| listed-skill recall | {} |", recall.pct());
    println!("| listed-skill precision | {} |", precision.pct());
    println!("| dated skills within ±1 month | {} |", dated.pct());
    println!("| résumés with 0 total months but a dated career | {zero_total} |");
    Ok(())
}

fn eval_postings(docs: &Path, labels: &Path, tax: &Taxonomy, verbose: bool) -> anyhow::Result<()> {
    let labels: PostingLabels = toml::from_str(&std::fs::read_to_string(labels)?)?;
    let (mut req, mut pref, mut prec) = (Tally::default(), Tally::default(), Tally::default());
    let mut invented = 0usize;
    let mut company = Tally::default();
    let mut n = 0;
    for label in &labels.posting {
        let path = docs.join("postings").join(&label.file);
        if !path.is_file() {
            eprintln!(
                "missing {} (fetch it first: tests/real/README.md)",
                path.display()
            );
            continue;
        }
        n += 1;
        let p = match posting::load_posting(&path, tax) {
            Ok(p) => p,
            Err(e) => {
                println!("{}: not read: {e}", label.file);
                for _ in &label.required {
                    req.add(false);
                }
                for _ in &label.preferred {
                    pref.add(false);
                }
                continue;
            }
        };
        let at = |level: Level| -> BTreeSet<String> {
            p.requirements
                .iter()
                .filter(|r| r.level == level)
                .map(|r| key(tax, &r.skill))
                .collect()
        };
        // An unlabelled posting's skills (`unspecified`) are scored as its requirements.
        let got_req: BTreeSet<String> = at(Level::Required)
            .union(&at(Level::Unspecified))
            .cloned()
            .collect();
        let got_pref = at(Level::Preferred);
        let keys = |v: &[String]| -> BTreeSet<String> { v.iter().map(|s| key(tax, s)).collect() };
        let (l_req, l_pref) = (keys(&label.required), keys(&label.preferred));
        let named: BTreeSet<String> = l_req
            .iter()
            .chain(&l_pref)
            .chain(&keys(&label.stack))
            .chain(&keys(&label.other))
            .cloned()
            .collect();
        let mut misses = Vec::new();
        // The company, where the labels name one (the same lenient match as employers).
        if !label.company.is_empty() {
            let ok = p
                .company
                .as_deref()
                .is_some_and(|c| same_org(c, &label.company));
            company.add(ok);
            if !ok {
                misses.push(format!(
                    "company {:?}, labelled {:?}",
                    p.company.as_deref().unwrap_or(""),
                    label.company
                ));
            }
        }
        for (name, k) in label.required.iter().map(|s| (s, key(tax, s))) {
            let ok = got_req.contains(&k);
            req.add(ok);
            if !ok {
                misses.push(format!("required missed: {name}"));
            }
        }
        for (name, k) in label.preferred.iter().map(|s| (s, key(tax, s))) {
            let ok = got_pref.contains(&k);
            pref.add(ok);
            if !ok {
                misses.push(format!("preferred missed: {name}"));
            }
        }
        for k in got_req.iter().chain(&got_pref) {
            let ok = l_req.contains(k) || l_pref.contains(k);
            prec.add(ok);
            if !ok {
                misses.push(format!("scored but not labelled required/preferred: {k}"));
            }
        }
        for r in &p.requirements {
            if !named.contains(&key(tax, &r.skill)) {
                invented += 1;
                misses.push(format!(
                    "invented ({}): {} from `{}`",
                    r.level.as_str(),
                    r.skill,
                    skillfit::text::ellipsize(&r.text, 60)
                ));
            }
        }
        if verbose && !misses.is_empty() {
            println!("{} ({} misses)", label.file, misses.len());
            for m in &misses {
                println!("    {m}");
            }
        }
    }
    println!("\nPostings: {n}");
    println!("| measure | value |\n|---|---|");
    println!("| required recall | {} |", req.pct());
    println!("| preferred recall | {} |", pref.pct());
    println!("| precision (required + preferred) | {} |", prec.pct());
    println!("| skills not named by the posting at all | {invented} |");
    println!("| company found (where labelled) | {} |", company.pct());
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--why`: with each unlabelled listed skill, the lines that listed it.
    let why = args.iter().any(|a| a == "--why");
    let verbose = why || args.iter().any(|a| a == "-v" || a == "--verbose");
    let only: Option<Vec<&str>> = args
        .iter()
        .find_map(|a| a.strip_prefix("--only="))
        .map(|list| list.split(',').collect());
    let pos: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let docs = PathBuf::from(pos.first().map_or("corpus/real", |s| s.as_str()));
    let labels = PathBuf::from(pos.get(1).map_or("tests/real", |s| s.as_str()));
    let tax = Taxonomy::builtin()?;
    let resumes = labels.join("labels.toml");
    if resumes.is_file() {
        eval_resumes(&docs, &resumes, &tax, verbose, why, only.as_deref())?;
    }
    let postings = labels.join("postings.toml");
    if postings.is_file() && only.is_none() {
        eval_postings(&docs, &postings, &tax, verbose)?;
    }
    Ok(())
}
