//! Hot paths of `skillfit rank`, one posting / one string at a time.
//!
//! ```sh
//! cargo bench --bench hot
//! ```
//!
//! - `period/find_period`: period parsing over a mix of JA/EN strings (hits and misses).
//! - `taxonomy/find_alias`: the Aho–Corasick matcher on a ~2 KB JA+EN posting text (NFKC first).
//! - `taxonomy/find_fuzzy_warm`: the same on a text full of typos; the fuzzy cache is warm after
//!   the first iteration, as it is for repeated words in a corpus.
//! - `taxonomy/find_fuzzy_cold`: the typo text against a fresh `Matcher` (empty fuzzy cache);
//!   building the matcher is setup and not timed.
//! - `posting/parse_md`: `parse_posting` of one Markdown posting.
//! - `matching/score_pair`: `score` of one profile × one posting.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use skillfit::config::Scoring;
use skillfit::matching::{score, ResumeSkills};
use skillfit::period::{find_period, Month};
use skillfit::posting::parse_posting;
use skillfit::taxonomy::{Matcher, Taxonomy};
use skillfit::text::nfkc;

const PERIODS: &[&str] = &[
    "### 株式会社ナギサテック (2023年10月 〜 )",
    "#### 決済基盤のマイクロサービス化 【 AWS / Go / EKS 】 (2023年10月 〜 2025年03月)",
    "### Senior SRE — Acme Inc. (Jan 2019 – Present)",
    "#### Order service (Apr 2016 – Jun 2017)",
    "2020/04 - 2021/08",
    "2020.04～2021.08",
    "April 2020 - Present",
    "04/2020 – 03/2022",
    "令和2年4月〜",
    "(2016/4~)",
    "2022年5月〜10月",
    "2025-10-01 ~ 現在",
    "Aug 19, 2019 - Aug 30, 2019",
    "- Terraform のモジュールを環境ごとに分割し、plan の実行時間を約 40% 短縮。",
    "Moved 60 services from hand-built EC2 instances to EKS with zero downtime.",
    "平成31年4月に入社",
];

const POSTING_MD: &str = r#"---
title: "SRE（AWS / Kubernetes）"
company: 株式会社ミナモペイメンツ
url: https://careers.minamo-pay.example.jp/jobs/sre-kubernetes-2026
posted: 2026-10-01
---

# SRE（AWS / Kubernetes）

## 私たちについて

株式会社ミナモペイメンツは、中小規模の店舗向けに QR コード決済と売上管理サービスを提供しています。
月間 3,000 万件の決済トランザクションを、6 名の SRE チームで支えています。
We are a bilingual team; English is used in design docs and code review.

## 業務内容

- ＡＷＳ 上の決済基盤（EKS、Aurora MySQL、ElastiCache）の設計・構築・運用
- Terraform によるインフラのコード管理と、Argo CD を使ったデプロイフローの改善
- SLI / SLO の策定と、エラーバジェットに基づくリリース判断の運用
- Own the observability stack (Datadog, Prometheus, OpenTelemetry) for payment APIs
- Turn noisy alerts into symptom-based alerts with clear runbooks

## 必須スキル

- ＡＷＳ を用いたインフラの設計・構築・運用経験（3年以上）
- Kubernetes（EKS など）上での本番サービス運用経験
- Terraform によるインフラ構築経験 2年以上
- Go または Python でのツール開発経験
- Linux サーバーの基本的な運用知識
- 3+ years of experience with PostgreSQL or MySQL

## 歓迎スキル

- Datadog もしくは New Relic を用いた監視設計の経験
- Argo CD を用いたデプロイ基盤の運用経験
- Experience with Kafka, Redis or Memcached in production
- GitHub Actions での CI/CD パイプライン構築経験
- オンコール体制の設計・改善経験

## 開発環境

- 言語: Go, TypeScript, Python
- インフラ: EKS, Aurora MySQL, ElastiCache, CloudFront, Route53
- 監視: Datadog, PagerDuty, Sentry
- その他: GitHub, Slack, Notion, Jira, Confluence
"#;

const TYPOS: &str = "\
Requirements: Kubernets, Terrafrom, Promethues, Elasticsearh, Ubunntu, Auora, NIGNX, \
Ansbile, Jenkisn, Grafnaa, Postgresq, Dokcer, Reddis, Kafak, Pytohn, Typescipt, \
Javascirpt, Datadgo, Cloudfornt, Memcahced, Rabbitmq, Djanog, Flaks, Laravle, Symfnoy. \
歓迎: Kubernetesの運用経験, Terrafromによる構築, Promethuesでの監視, Elasticsearhの運用, \
Graphana, Kibnaa, Fluentd, Logstahs, Snowflkae, BigQeury, Airflwo, Pandsa, Numyp, Scikti.";

fn bench(c: &mut Criterion) {
    let tax = Taxonomy::builtin().expect("built-in taxonomy");

    let periods: Vec<String> = PERIODS.iter().map(|s| nfkc(s)).collect();
    c.bench_function("period/find_period_x16", |b| {
        b.iter(|| {
            periods
                .iter()
                .filter(|s| find_period(black_box(s)).is_some())
                .count()
        });
    });

    let text = nfkc(POSTING_MD);
    c.bench_function("taxonomy/nfkc_2k", |b| {
        b.iter(|| nfkc(black_box(POSTING_MD)))
    });
    c.bench_function("taxonomy/find_alias_2k", |b| {
        b.iter(|| tax.find(black_box(&text)).len());
    });

    let typos = nfkc(TYPOS);
    c.bench_function("taxonomy/find_fuzzy_warm", |b| {
        b.iter(|| tax.find(black_box(&typos)).len());
    });
    let mut g = c.benchmark_group("taxonomy");
    g.sample_size(20);
    g.bench_function("find_fuzzy_cold", |b| {
        b.iter_batched(
            || Matcher::new(tax.skills(), &Default::default()),
            |m| m.find(black_box(&typos)).len(),
            BatchSize::PerIteration,
        );
    });
    g.finish();

    c.bench_function("posting/parse_md", |b| {
        b.iter(|| {
            parse_posting(black_box(POSTING_MD), "md", "x.md", &tax)
                .expect("parses")
                .requirements
                .len()
        });
    });

    let resume = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/resumes/ja_sre.md");
    let as_of = Month::new(2026, 11).expect("valid month");
    let profile = skillfit::profile_resume(&resume, &tax, as_of).expect("profile");
    let have = ResumeSkills::from_profile(&profile, &tax);
    let posting = parse_posting(POSTING_MD, "md", "x.md", &tax).expect("parses");
    let scoring = Scoring::default();
    c.bench_function("matching/score_pair", |b| {
        b.iter(|| score(black_box(&have), black_box(&posting), &scoring).score);
    });
    c.bench_function("resume/profile_ja_sre", |b| {
        b.iter(|| {
            skillfit::profile_resume(black_box(&resume), &tax, as_of)
                .expect("profile")
                .skills
                .len()
        });
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
