//! The skill timeline: one row per skill, bars per dated interval, companies as bands.

use ab_glyph::FontRef;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, RGBColor};

use super::glyphs::{text_width, truncate, widest};
use super::{
    fill_rect, legend, legend_places, line, no_data, no_data_size, polygon, text, title, Anchor,
    ChartError, Timeline, GRID, INK, LABEL_SIZE, LEFT, MUTED, PAD, RIGHT, SMALL_SIZE, TITLE_ROW,
    TITLE_SIZE,
};
use crate::period::format_months;
use plotters::style::text_anchor::{HPos, VPos};

/// Height of one skill row: readable at 60 rows, compact at 10.
const ROW: i32 = 22;
/// Width of the time axis.
const PLOT_WIDTH: i32 = 760;
/// Height of one lane of company labels.
const LANE: i32 = 18;
/// Months shown after the as-of month, so an open company's fading end has room.
const TAIL_MONTHS: i32 = 4;
/// Pixels after an open company's end for its fading end and arrowhead.
const TAIL_PX: i32 = 32;
/// Widest skill label before it is cut with `…`.
const MAX_LABEL: f64 = 320.0;
/// Band shading, alternating.
const BAND_FILLS: [RGBColor; 2] = [RGBColor(226, 234, 244), RGBColor(240, 240, 236)];
/// Company band edges (left edge and top, with an arrowhead when ongoing).
const EDGE: RGBColor = RGBColor(150, 165, 185);
const AS_OF: RGBColor = RGBColor(200, 40, 40);

/// The fixed colour of a skill category (taxonomy names; others hash into the same palette).
pub fn category_color(category: &str) -> RGBColor {
    const NAMED: [(&str, RGBColor); 27] = [
        ("language", RGBColor(78, 121, 167)),
        ("framework", RGBColor(160, 203, 232)),
        ("frontend", RGBColor(211, 114, 149)),
        ("mobile", RGBColor(250, 191, 210)),
        ("database", RGBColor(156, 117, 95)),
        ("data", RGBColor(182, 153, 45)),
        ("ml", RGBColor(212, 166, 200)),
        ("aws", RGBColor(242, 142, 43)),
        ("gcp", RGBColor(89, 161, 79)),
        ("azure", RGBColor(23, 190, 207)),
        ("cloud", RGBColor(255, 190, 125)),
        ("container", RGBColor(73, 152, 148)),
        ("orchestration", RGBColor(118, 183, 178)),
        ("iac", RGBColor(176, 122, 161)),
        ("config-management", RGBColor(142, 108, 138)),
        ("ci-cd", RGBColor(225, 87, 89)),
        ("vcs", RGBColor(255, 157, 167)),
        ("observability", RGBColor(237, 201, 72)),
        ("messaging", RGBColor(188, 189, 34)),
        ("networking", RGBColor(140, 209, 125)),
        ("web-server", RGBColor(165, 104, 42)),
        ("security", RGBColor(123, 45, 38)),
        ("os", RGBColor(121, 112, 110)),
        ("tool", RGBColor(186, 176, 172)),
        ("collaboration", RGBColor(215, 181, 166)),
        ("testing", RGBColor(27, 158, 119)),
        ("practice", RGBColor(148, 103, 189)),
    ];
    let key = category.trim().to_lowercase();
    if let Some((_, c)) = NAMED.iter().find(|(name, _)| *name == key) {
        return *c;
    }
    // FNV-1a: stable across runs and platforms.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    NAMED[(hash % NAMED.len() as u64) as usize].1
}

struct Bar {
    from: i32,
    /// Exclusive: the month after the interval's last.
    to: i32,
}

struct Row {
    label: String,
    months: String,
    color: RGBColor,
    bars: Vec<Bar>,
}

struct Company {
    label: String,
    from: i32,
    to: i32,
    is_open: bool,
    lane: i32,
}

/// The laid-out timeline.
pub struct TimelineChart {
    title: String,
    empty: bool,
    width: i32,
    height: i32,
    /// Time domain, in months; `x(start)` is the plot's left edge.
    start: i32,
    end: i32,
    as_of: Option<i32>,
    plot_left: i32,
    lanes_top: i32,
    rows_top: i32,
    rows: Vec<Row>,
    companies: Vec<Company>,
    undated_top: i32,
    undated_lines: Vec<String>,
    legend_top: i32,
    legend: Vec<(String, RGBColor)>,
}

impl TimelineChart {
    /// The layout, top to bottom. Kept in one function (a little over 80 lines) because each
    /// position depends on the ones above it; the pieces with rules of their own are helpers.
    pub fn new(t: &Timeline, font: &FontRef<'static>) -> TimelineChart {
        let as_of = Some(t.as_of.index());
        let rows = rows_of(t, font);
        let mut companies = companies_of(t);
        let undated: Vec<&str> = t
            .undated
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        let empty = rows.is_empty() && companies.is_empty() && undated.is_empty();

        let (start, end) = time_domain(&rows, &companies, as_of);

        let label_width = widest(
            font,
            rows.iter().map(|r| r.label.as_str()),
            LABEL_SIZE,
            60.0,
        );
        let months_width = widest(
            font,
            rows.iter().map(|r| r.months.as_str()),
            SMALL_SIZE,
            0.0,
        );
        let plot_left = PAD + label_width + 10;
        let title_width = text_width(font, &t.title, TITLE_SIZE).ceil() as i32;
        let width = (plot_left + PLOT_WIDTH + 10 + months_width + PAD).max(title_width + 2 * PAD);

        let scale = PLOT_WIDTH as f64 / f64::from((end - start).max(1));
        let x = |m: i32| plot_left + (f64::from(m - start) * scale).round() as i32;
        let lanes = assign_lanes(&mut companies, font, x);

        let lanes_top = PAD + TITLE_ROW + 8;
        let rows_top = lanes_top + lanes as i32 * LANE + 4;
        let axis_bottom = rows_top + rows.len() as i32 * ROW + 2 * LANE + 4;
        let wrap_width = (width - 2 * PAD - 8) as f64;
        let undated_lines = wrap(font, &undated, wrap_width);
        let undated_top = axis_bottom + 8;
        let undated_height = if undated_lines.is_empty() {
            0
        } else {
            LANE + 4 + undated_lines.len() as i32 * (LANE + 2) + 8
        };
        let legend = legend_of(t);
        let legend_top = undated_top + undated_height + 4;
        let legend_height = legend_places(font, &legend, width - 2 * PAD)
            .last()
            .map_or(0, |(_, dy)| dy + super::LEGEND_ROW);
        let height = legend_top + legend_height + PAD;

        if empty {
            let (w, h) = no_data_size(font, &t.title);
            return TimelineChart {
                title: t.title.clone(),
                empty,
                width: w as i32,
                height: h as i32,
                start,
                end,
                as_of,
                plot_left,
                lanes_top,
                rows_top,
                rows: Vec::new(),
                companies: Vec::new(),
                undated_top,
                undated_lines: Vec::new(),
                legend_top,
                legend: Vec::new(),
            };
        }
        TimelineChart {
            title: t.title.clone(),
            empty,
            width,
            height,
            start,
            end,
            as_of,
            plot_left,
            lanes_top,
            rows_top,
            rows,
            companies,
            undated_top,
            undated_lines,
            legend_top,
            legend,
        }
    }

    fn x(&self, m: i32) -> i32 {
        let scale = PLOT_WIDTH as f64 / f64::from((self.end - self.start).max(1));
        self.plot_left + (f64::from(m - self.start) * scale).round() as i32
    }

    fn rows_bottom(&self) -> i32 {
        self.rows_top + self.rows.len() as i32 * ROW
    }
}

/// One row per skill: its label (cut to fit), duration and bars (empty runs dropped).
fn rows_of(t: &Timeline, font: &FontRef<'static>) -> Vec<Row> {
    t.rows
        .iter()
        .map(|r| Row {
            label: truncate(font, &r.skill, LABEL_SIZE, MAX_LABEL),
            months: r.months.map(format_months).unwrap_or_default(),
            color: category_color(&r.category),
            bars: r
                .intervals
                .iter()
                .filter_map(|&(a, b)| {
                    let (a, b) = (a.index(), b.index());
                    (a <= b).then_some(Bar { from: a, to: b + 1 })
                })
                .collect(),
        })
        .collect()
}

/// The companies in time order (ones that end before they start are dropped).
fn companies_of(t: &Timeline) -> Vec<Company> {
    let mut companies: Vec<Company> = t
        .companies
        .iter()
        .filter_map(|c| {
            let (a, b) = (c.start.index(), c.end.index());
            (a <= b).then(|| Company {
                label: c.label.clone(),
                from: a,
                to: b + 1,
                is_open: c.is_open,
                lane: 0,
            })
        })
        .collect();
    companies.sort_by_key(|c| (c.from, c.to));
    companies
}

/// The months the axis spans: from January of the first year to a little past the last month
/// (and the as-of month), with room for an open company's fading end and arrow.
fn time_domain(rows: &[Row], companies: &[Company], as_of: Option<i32>) -> (i32, i32) {
    let firsts = rows
        .iter()
        .flat_map(|r| r.bars.iter().map(|b| b.from))
        .chain(companies.iter().map(|c| c.from));
    let lasts = rows
        .iter()
        .flat_map(|r| r.bars.iter().map(|b| b.to))
        .chain(companies.iter().map(|c| c.to))
        .chain(as_of.map(|m| m + 1));
    let first = firsts.min().or(as_of).unwrap_or(2000 * 12);
    let start = first - first.rem_euclid(12);
    let last = lasts.max().unwrap_or(start + 12).max(start + 12);
    let tail = (TAIL_PX * (last - start)).div_euclid(PLOT_WIDTH - TAIL_PX) + 1;
    (start, last + tail.max(TAIL_MONTHS))
}

/// Company labels in greedy lanes, so that no label overlaps another (`x`: month → pixel).
/// Gives the number of lanes.
fn assign_lanes(
    companies: &mut [Company],
    font: &FontRef<'static>,
    x: impl Fn(i32) -> i32,
) -> usize {
    let mut lane_ends: Vec<i32> = Vec::new();
    for c in companies {
        let from = x(c.from) + 3;
        let mut to = from + text_width(font, &c.label, SMALL_SIZE).ceil() as i32 + 12;
        if c.is_open {
            to = to.max(x(c.to) + TAIL_PX);
        }
        let lane = match lane_ends.iter().position(|end| *end <= from) {
            Some(i) => i,
            None => {
                lane_ends.push(i32::MIN);
                lane_ends.len() - 1
            }
        };
        lane_ends[lane] = to;
        c.lane = lane as i32;
    }
    lane_ends.len()
}

/// One legend entry per category that has a bar, in row order.
fn legend_of(t: &Timeline) -> Vec<(String, RGBColor)> {
    let mut legend: Vec<(String, RGBColor)> = Vec::new();
    for r in t.rows.iter().filter(|r| !r.intervals.is_empty()) {
        let name = r.category.trim().to_string();
        if !legend.iter().any(|(n, _)| *n == name) {
            legend.push((name, category_color(&r.category)));
        }
    }
    legend
}

/// `items` joined with `, ` and wrapped into lines no wider than `max_width`.
fn wrap(font: &FontRef<'static>, items: &[&str], max_width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.to_string()
        };
        let candidate = if current.is_empty() {
            piece.clone()
        } else {
            format!("{current} {piece}")
        };
        if current.is_empty() || text_width(font, &candidate, SMALL_SIZE) <= max_width {
            current = candidate;
        } else {
            lines.push(std::mem::take(&mut current));
            current = piece;
        }
        if text_width(font, &current, SMALL_SIZE) > max_width {
            current = truncate(font, &current, SMALL_SIZE, max_width);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

impl super::Chart for TimelineChart {
    fn size(&self) -> (u32, u32) {
        (self.width.max(1) as u32, self.height.max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
        title(area, &self.title)?;
        if self.empty {
            return no_data(area);
        }
        self.draw_companies(area)?;
        self.draw_years(area)?;
        self.draw_rows(area)?;
        self.draw_as_of(area)?;
        self.draw_undated(area)?;
        legend(
            area,
            &self.legend,
            (PAD, self.legend_top),
            self.width - 2 * PAD,
        )?;
        Ok(())
    }
}

/// The parts of [`TimelineChart::draw`], back to front.
impl TimelineChart {
    fn draw_companies<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let (top, bottom) = (self.lanes_top, self.rows_bottom());
        // Company bands behind everything (translucent, so overlapping jobs show), then their
        // edges and labels, in their lanes above the rows.
        for (i, c) in self.companies.iter().enumerate() {
            let (x0, x1) = (self.x(c.from), self.x(c.to).max(self.x(c.from) + 1));
            let fill = BAND_FILLS[i % 2];
            let band_top = top + c.lane * LANE;
            fill_rect(area, (x0, band_top), (x1, bottom), fill.mix(0.8))?;
            if c.is_open {
                // A fading end: still going.
                for step in 0..6 {
                    let alpha = 0.7 - f64::from(step) * 0.11;
                    let sx = x1 + step * 4;
                    fill_rect(area, (sx, band_top), (sx + 4, bottom), fill.mix(alpha))?;
                }
            }
        }
        for c in &self.companies {
            let (x0, x1) = (self.x(c.from), self.x(c.to).max(self.x(c.from) + 1));
            let band_top = top + c.lane * LANE;
            line(area, (x0, band_top), (x0, bottom), EDGE, 1)?;
            if c.is_open {
                // The top edge runs on past the end into an arrowhead: still going.
                let ax = x1 + TAIL_PX - 6;
                line(area, (x0, band_top), (ax - 6, band_top), EDGE, 2)?;
                polygon(
                    area,
                    vec![
                        (ax - 8, band_top - 5),
                        (ax, band_top),
                        (ax - 8, band_top + 5),
                    ],
                    EDGE,
                )?;
            } else {
                line(area, (x0, band_top), (x1, band_top), EDGE, 2)?;
            }
            text(
                area,
                &c.label,
                (x0 + 4, band_top + LANE / 2),
                SMALL_SIZE,
                INK,
                LEFT,
            )?;
        }
        Ok(())
    }

    fn draw_years<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let (plot_right, bottom) = (self.x(self.end), self.rows_bottom());
        // Year grid and labels.
        let first_year = self.start.div_euclid(12);
        let last_year = (self.end - 1).div_euclid(12);
        let font = super::glyphs::font()?;
        let year_width = text_width(font, "2000", SMALL_SIZE) + 6.0;
        let year_px = f64::from(self.x(12) - self.x(0)).max(1.0);
        let every = (year_width / year_px).ceil().max(1.0) as i32;
        let axis_y = bottom + LANE / 2 + 2;
        for year in first_year..=last_year {
            let gx = self.x(year * 12);
            if gx > self.plot_left {
                line(
                    area,
                    (gx, self.rows_top),
                    (gx, bottom + 4),
                    GRID.mix(0.9),
                    1,
                )?;
            }
            let span_end = self.x((year + 1) * 12).min(plot_right);
            if (year - first_year) % every == 0 && f64::from(span_end - gx) >= year_width - 6.0 {
                let cx = (gx + span_end) / 2;
                text(
                    area,
                    &year.to_string(),
                    (cx, axis_y),
                    SMALL_SIZE,
                    MUTED,
                    super::CENTER,
                )?;
            }
        }
        line(
            area,
            (self.plot_left, bottom),
            (plot_right, bottom),
            MUTED,
            1,
        )?;
        Ok(())
    }

    fn draw_rows<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let plot_right = self.x(self.end);
        // Rows: separators, label, bars, duration.
        for (i, r) in self.rows.iter().enumerate() {
            let y = self.rows_top + i as i32 * ROW;
            if i > 0 {
                line(
                    area,
                    (PAD, y),
                    (plot_right, y),
                    RGBColor(0, 0, 0).mix(0.06),
                    1,
                )?;
            }
            let mid = y + ROW / 2;
            text(
                area,
                &r.label,
                (self.plot_left - 8, mid),
                LABEL_SIZE,
                INK,
                RIGHT,
            )?;
            for b in &r.bars {
                let (x0, x1) = (self.x(b.from), self.x(b.to));
                fill_rect(area, (x0, y + 4), (x1.max(x0 + 2), y + ROW - 4), r.color)?;
            }
            text(
                area,
                &r.months,
                (plot_right + 10, mid),
                SMALL_SIZE,
                MUTED,
                LEFT,
            )?;
        }
        Ok(())
    }

    fn draw_as_of<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        let (top, bottom) = (self.lanes_top, self.rows_bottom());
        // The as-of marker, dashed, labelled under the year labels.
        if let Some(m) = self.as_of {
            let mx = self.x(m + 1);
            let mut y = top;
            while y < bottom + 4 {
                line(area, (mx, y), (mx, (y + 5).min(bottom + 4)), AS_OF, 2)?;
                y += 9;
            }
            let label = format!("as of {}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1);
            text(
                area,
                &label,
                (mx, bottom + LANE + LANE / 2 + 2),
                SMALL_SIZE,
                AS_OF,
                Anchor(HPos::Right, VPos::Center),
            )?;
        }
        Ok(())
    }

    fn draw_undated<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
    ) -> Result<(), ChartError> {
        // Listed without dates: names only.
        if !self.undated_lines.is_empty() {
            let y = self.undated_top;
            line(area, (PAD, y), (self.width - PAD, y), GRID, 1)?;
            text(
                area,
                "listed, no dates",
                (PAD, y + LANE / 2 + 4),
                LABEL_SIZE,
                MUTED,
                LEFT,
            )?;
            for (i, l) in self.undated_lines.iter().enumerate() {
                let ly = y + LANE + 4 + i as i32 * (LANE + 2) + LANE / 2;
                text(area, l, (PAD + 8, ly), SMALL_SIZE, INK, LEFT)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::period::Month;

    fn ym(s: &str) -> Month {
        Month::parse_ym(s).unwrap()
    }

    fn japanese() -> Timeline {
        Timeline {
            title: "経歴".into(),
            as_of: ym("2026-11"),
            companies: vec![super::super::Band {
                label: "アソビュー株式会社".into(),
                start: ym("2020-04"),
                end: ym("2026-11"),
                is_open: true,
            }],
            rows: vec![super::super::TimelineRow {
                skill: "シェルスクリプト".into(),
                category: "language".into(),
                months: Some(51),
                intervals: vec![(ym("2021-01"), ym("2025-03"))],
            }],
            undated: vec![],
        }
    }

    /// The RGB pixels inside `[x0, x1) × [y0, y1)` of a PNG.
    fn region(png: &[u8], (x0, y0): (i32, i32), (x1, y1): (i32, i32)) -> Vec<[u8; 3]> {
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        let w = info.width as i32;
        let mut pixels = Vec::new();
        for y in y0..y1 {
            for x in x0..x1 {
                let i = ((y * w + x) * 3) as usize;
                pixels.push([buf[i], buf[i + 1], buf[i + 2]]);
            }
        }
        pixels
    }

    fn dark(pixels: &[[u8; 3]]) -> usize {
        let sum = |p: &[u8; 3]| p.iter().map(|c| u32::from(*c)).sum::<u32>();
        pixels.iter().filter(|p| sum(p) < 3 * 100).count()
    }

    #[test]
    fn japanese_labels_are_drawn_as_glyphs_in_png() {
        let font = crate::chart::glyphs::font().unwrap();
        let chart = TimelineChart::new(&japanese(), font);
        let png = crate::chart::render(&chart, crate::chart::ChartFormat::Png).unwrap();
        let label_box = (
            (PAD, chart.rows_top),
            (chart.plot_left - 4, chart.rows_top + ROW),
        );
        let company_box = (
            (chart.plot_left, chart.lanes_top),
            (chart.plot_left + PLOT_WIDTH, chart.lanes_top + LANE),
        );
        let label = region(&png, label_box.0, label_box.1);
        let company = region(&png, company_box.0, company_box.1);
        assert!(
            dark(&label) > 60,
            "skill label: {} dark pixels",
            dark(&label)
        );
        assert!(
            dark(&company) > 60,
            "company label: {} dark pixels",
            dark(&company)
        );

        // Each character has its own glyph (not .notdef, the "tofu" box), with an outline.
        for c in "シェルスクリプトアソビュー株式会社".chars() {
            let id = ab_glyph::Font::glyph_id(font, c);
            assert!(
                id.0 != 0 && ab_glyph::Font::outline(font, id).is_some(),
                "{c}"
            );
        }
        // An empty label leaves the area blank.
        let mut t = japanese();
        t.rows[0].skill = String::new();
        let png_e = crate::chart::timeline(&t, crate::chart::ChartFormat::Png).unwrap();
        assert_eq!(dark(&region(&png_e, (PAD, chart.rows_top), label_box.1)), 0);
    }

    #[test]
    fn japanese_labels_are_outlined_in_svg() {
        let font = crate::chart::glyphs::font().unwrap();
        let chart = TimelineChart::new(&japanese(), font);
        let svg = crate::chart::timeline(&japanese(), crate::chart::ChartFormat::Svg).unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(!svg.contains("<text"));
        // The words stay readable beside their outlines (title and aria-label) ...
        assert!(svg.contains("aria-label=\"シェルスクリプト\"><title>シェルスクリプト</title>"));
        // ... and are drawn nowhere else as text a viewer would need a CJK font for.
        let drawn: String = svg
            .split("<title>")
            .map(|part| part.split_once("</title>").map_or(part, |(_, rest)| rest))
            .flat_map(|part| part.split("aria-label=\"").enumerate())
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('"').map_or("", |x| x.1)
                }
            })
            .collect();
        assert!(
            !drawn.chars().any(|c| c >= '\u{3000}'),
            "raw CJK text in the SVG outside titles"
        );
        let label = crate::chart::glyphs::path_data(
            font,
            "シェルスクリプト",
            LABEL_SIZE,
            (HPos::Right, VPos::Center),
            0,
            (chart.plot_left - 8, chart.rows_top + ROW / 2),
        );
        assert!(label.matches('M').count() >= 8, "{label}");
        assert!(svg.contains(&format!("<path d=\"{label}\"")));
    }

    #[test]
    fn category_colours_are_fixed() {
        assert_eq!(category_color("aws"), RGBColor(242, 142, 43));
        assert_eq!(category_color(" AWS "), category_color("aws"));
        assert_eq!(category_color("unheard-of"), category_color("unheard-of"));
    }
}
