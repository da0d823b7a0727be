//! Horizontal bar charts: the ranking (stacked parts of the score: required and preferred
//! coverage, relevance, prior) and the gaps.

use ab_glyph::FontRef;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::glyphs::{text_width, truncate, widest};
use super::{
    clean, fill_rect, legend, legend_places, line, nice_ticks, no_data, no_data_size, text,
    tick_label, title, ChartError, GapBar, RankBar, CENTER, GRID, INK, LABEL_SIZE, LEFT,
    LEGEND_ROW, MUTED, PAD, RIGHT, SMALL_SIZE, TITLE_ROW, TITLE_SIZE,
};

/// Height of one bar row.
const ROW: i32 = 24;
/// Width of the value axis.
const PLOT_WIDTH: i32 = 440;
/// Widest bar label before it is cut with `…`.
const MAX_LABEL: f64 = 380.0;
const REQUIRED: RGBColor = RGBColor(78, 121, 167);
const PREFERRED: RGBColor = RGBColor(160, 203, 232);
const RELEVANCE: RGBColor = RGBColor(89, 161, 79);
const PRIOR: RGBColor = RGBColor(186, 176, 172);
const GAIN: RGBColor = RGBColor(225, 87, 89);

struct Row {
    label: String,
    /// Stacked segments, left to right.
    segments: Vec<(f64, RGBColor)>,
    /// Written after the bar.
    note: String,
}

/// A laid-out bar chart.
pub struct BarChart {
    title: String,
    rows: Vec<Row>,
    legend: Vec<(String, RGBColor)>,
    ticks: Vec<f64>,
    width: i32,
    height: i32,
    plot_left: i32,
    rows_top: i32,
    legend_height: i32,
}

impl BarChart {
    pub fn ranking(bars: &[RankBar], title: &str, font: &FontRef<'static>) -> BarChart {
        let rows: Vec<Row> = bars
            .iter()
            .map(|b| {
                let (req, pref) = (clean(b.required_points), clean(b.preferred_points));
                let (rel, prior) = (clean(b.relevance_points), clean(b.prior_points));
                Row {
                    label: truncate(font, &b.label, LABEL_SIZE, MAX_LABEL),
                    segments: vec![
                        (req, REQUIRED),
                        (pref, PREFERRED),
                        (rel, RELEVANCE),
                        (prior, PRIOR),
                    ],
                    note: crate::num::fmt1(clean(b.score)),
                }
            })
            .collect();
        // Scores end at 100: so does the axis (parts summing a hair past it are cut there).
        let max = 100.0;
        let legend = vec![
            ("required".to_string(), REQUIRED),
            ("preferred".to_string(), PREFERRED),
            ("relevance".to_string(), RELEVANCE),
            ("prior".to_string(), PRIOR),
        ];
        BarChart::layout(title, rows, legend, max, font)
    }

    pub fn gaps(bars: &[GapBar], title: &str, font: &FontRef<'static>) -> BarChart {
        let rows: Vec<Row> = bars
            .iter()
            .map(|b| {
                let gain = clean(b.score_gain);
                let postings = match b.postings {
                    1 => "1 posting".to_string(),
                    n => format!("{n} postings"),
                };
                Row {
                    label: truncate(font, &b.skill, LABEL_SIZE, MAX_LABEL),
                    segments: vec![(gain, GAIN)],
                    note: format!("+{gain:.1} · {postings}"),
                }
            })
            .collect();
        let max = rows.iter().map(total).fold(0.0, f64::max);
        let legend = vec![(
            "score gained if added, weighted by closeness".to_string(),
            GAIN,
        )];
        BarChart::layout(title, rows, legend, max, font)
    }

    fn layout(
        title: &str,
        rows: Vec<Row>,
        legend: Vec<(String, RGBColor)>,
        max: f64,
        font: &FontRef<'static>,
    ) -> BarChart {
        let ticks = nice_ticks(max);
        let label_width = widest(
            font,
            rows.iter().map(|r| r.label.as_str()),
            LABEL_SIZE,
            60.0,
        );
        let note_width = widest(font, rows.iter().map(|r| r.note.as_str()), SMALL_SIZE, 0.0);
        let plot_left = PAD + label_width + 10;
        let title_width = text_width(font, title, TITLE_SIZE).ceil() as i32;
        let mut width = (plot_left + PLOT_WIDTH + 8 + note_width + PAD).max(title_width + 2 * PAD);
        let rows_top = PAD + TITLE_ROW + 10;
        let legend_height = legend_places(font, &legend, width - 2 * PAD)
            .last()
            .map_or(0, |(_, dy)| dy + LEGEND_ROW);
        let mut height = rows_top + rows.len() as i32 * ROW + 26 + legend_height + PAD;
        if rows.is_empty() {
            let (w, h) = no_data_size(font, title);
            (width, height) = (w as i32, h as i32);
        }
        BarChart {
            title: title.to_string(),
            rows,
            legend,
            ticks,
            width,
            height,
            plot_left,
            rows_top,
            legend_height,
        }
    }

    fn x(&self, v: f64) -> i32 {
        let max = self.ticks.last().copied().unwrap_or(1.0).max(f64::EPSILON);
        self.plot_left + ((v / max).min(1.0) * f64::from(PLOT_WIDTH)).round() as i32
    }
}

fn total(r: &Row) -> f64 {
    r.segments.iter().map(|(v, _)| v).sum()
}

impl super::Chart for BarChart {
    fn size(&self) -> (u32, u32) {
        (self.width.max(1) as u32, self.height.max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
        title(area, &self.title)?;
        if self.rows.is_empty() {
            return no_data(area);
        }
        let bottom = self.rows_top + self.rows.len() as i32 * ROW;
        for t in &self.ticks {
            let x = self.x(*t);
            line(area, (x, self.rows_top), (x, bottom), GRID, 1)?;
            text(
                area,
                &tick_label(*t),
                (x, bottom + 11),
                SMALL_SIZE,
                MUTED,
                CENTER,
            )?;
        }
        for (i, r) in self.rows.iter().enumerate() {
            let y = self.rows_top + i as i32 * ROW;
            let mid = y + ROW / 2;
            text(
                area,
                &r.label,
                (self.plot_left - 8, mid),
                LABEL_SIZE,
                INK,
                RIGHT,
            )?;
            let mut from = 0.0;
            for (v, color) in &r.segments {
                if *v > 0.0 {
                    let (x0, x1) = (self.x(from), self.x(from + v));
                    fill_rect(area, (x0, y + 4), (x1.max(x0 + 1), y + ROW - 4), *color)?;
                }
                from += v;
            }
            let end = self.x(from);
            text(area, &r.note, (end + 6, mid), SMALL_SIZE, INK, LEFT)?;
        }
        line(
            area,
            (self.plot_left, self.rows_top),
            (self.plot_left, bottom),
            MUTED,
            1,
        )?;
        let legend_top = self.height - PAD - self.legend_height;
        legend(area, &self.legend, (PAD, legend_top), self.width - 2 * PAD)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranking_axis_ends_at_100() {
        let font = super::super::glyphs::font().unwrap();
        // Parts that add up a hair past 100 (each rounded up) must not stretch the axis to 150.
        let bar = RankBar {
            label: "full".into(),
            score: 100.0,
            required_points: 60.004,
            preferred_points: 20.003,
            relevance_points: 20.003,
            prior_points: 0.0,
        };
        let chart = BarChart::ranking(&[bar], "t", font);
        assert_eq!(chart.ticks.last(), Some(&100.0));
        assert_eq!(chart.x(100.004), chart.x(100.0));
        assert_eq!(chart.rows[0].note, "100.0");
    }
}
