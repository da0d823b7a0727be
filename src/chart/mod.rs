//! Charts: plain data → PNG or SVG bytes, with Japanese text drawn as glyphs everywhere.
//!
//! Takes plain models ([`Timeline`], [`RankBar`], [`GapBar`], [`Coverage`]; no frames, no
//! paths) and a [`ChartFormat`]; gives the encoded image. Entry functions: [`timeline`],
//! [`ranking`], [`gaps`], [`coverage`]. Guarantees: output is deterministic (byte-identical for
//! the same input), never panics on data (bad `YYYY-MM` strings are skipped, empty inputs give a
//! chart that says "no data"), and never depends on fonts installed on the machine.
//!
//! Layout is done here in pixels (labels measured with the font, margins sized to the longest
//! label); plotters draws the shapes onto its bitmap or SVG backend.
//!
//! Text: one font is bundled (`assets/fonts/`, VL PGothic subset to CP932, so all of JIS X 0208
//! and the usual name variants such as 髙 and 﨑) and registered with plotters from bytes.
//! Every backend is wrapped in [`glyphs::GlyphBackend`], which draws text from the font's
//! outlines itself: rasterised into the pixels for PNG, and for SVG converted to `<path>`
//! elements (plotters' SVG backend writes a placeholder `<text>` that is then replaced, so the
//! z-order is kept). The SVG therefore contains no `<text>` at all and shows the same glyphs in
//! any browser, with or without CJK fonts, at the cost of size (a kanji is ~1 kB of path data)
//! and of text not being selectable.

mod bars;
mod coverage;
mod glyphs;
mod timeline;

use std::cell::RefCell;
use std::path::Path;
use std::rc::Rc;

use crate::period::Month;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use plotters::element::{PathElement, Polygon, Rectangle, Text};
use plotters::prelude::{BitMapBackend, SVGBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{
    Color, FontDesc, FontFamily, FontStyle, FontTransform, RGBColor, ShapeStyle, TextStyle,
};
use plotters_backend::DrawingBackend;

use glyphs::{GlyphBackend, TextMode};

/// The image format of a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Png,
    Svg,
}

impl ChartFormat {
    /// The format named by the file extension (`.png`, `.svg`, any case).
    pub fn from_path(p: &Path) -> Option<ChartFormat> {
        let ext = p.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(ChartFormat::Png),
            "svg" => Some(ChartFormat::Svg),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the bundled chart font could not be loaded")]
    Font,
    #[error("chart too large to draw ({width}×{height} px)")]
    TooLarge { width: u32, height: u32 },
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the PNG failed: {0}")]
    Png(#[from] png::EncodingError),
    #[error("writing the SVG failed: {0}")]
    Svg(String),
}

/// A company on the timeline's time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub label: String,
    pub start: Month,
    /// Inclusive; for an ongoing company, already closed at the as-of month.
    pub end: Month,
    /// Still ongoing: drawn with an open (fading, arrowed) end.
    pub is_open: bool,
}

/// One skill row of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub skill: String,
    /// Picks the bar colour (a fixed colour per category name).
    pub category: String,
    /// Written at the end of the row (`4y 3m`).
    pub months: Option<u32>,
    /// Inclusive runs of months, one bar each.
    pub intervals: Vec<(Month, Month)>,
}

/// Skills over time. The caller chooses which rows, how many and in what order.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub title: String,
    /// Marked with a vertical line.
    pub as_of: Month,
    pub companies: Vec<Band>,
    pub rows: Vec<TimelineRow>,
    /// Skills listed without dates: named in a final group, without bars.
    pub undated: Vec<String>,
}

/// One posting of the ranking chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RankBar {
    /// `title — company`; cut with `…` when long.
    pub label: String,
    /// The score as every other output shows it (written at the end of the bar).
    pub score: f64,
    /// The score's parts, stacked left to right (they add up to the score): coverage of the
    /// required and of the preferred skills (as fit points), relevance, and the prior.
    pub required_points: f64,
    pub preferred_points: f64,
    pub relevance_points: f64,
    pub prior_points: f64,
}

/// One skill of the gaps chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GapBar {
    pub skill: String,
    /// The bar: the score the skill would add, weighted by how close the postings asking for
    /// it are to the person (the gaps' order).
    pub score_gain: f64,
    pub postings: usize,
}

/// How a posting's requirement for a skill is covered by the résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Met,
    /// Has the skill, with fewer years than asked.
    Partial,
    Missing,
    NotAsked,
}

/// Postings × skills.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub postings: Vec<String>,
    pub skills: Vec<String>,
    /// `cells[posting][skill]`; absent cells count as [`Cell::NotAsked`].
    pub cells: Vec<Vec<Cell>>,
}

/// Skills over time, with companies as bands along the time axis.
pub fn timeline(t: &Timeline, f: ChartFormat) -> Result<Vec<u8>, ChartError> {
    let chart = timeline::TimelineChart::new(t, glyphs::font()?);
    render(&chart, f)
}

/// Postings as horizontal bars, required and preferred points stacked.
pub fn ranking(bars: &[RankBar], title: &str, f: ChartFormat) -> Result<Vec<u8>, ChartError> {
    let chart = bars::BarChart::ranking(bars, title, glyphs::font()?);
    render(&chart, f)
}

/// Skills by the score they would add, with the number of postings asking.
pub fn gaps(bars: &[GapBar], title: &str, f: ChartFormat) -> Result<Vec<u8>, ChartError> {
    let chart = bars::BarChart::gaps(bars, title, glyphs::font()?);
    render(&chart, f)
}

/// A postings × skills grid coloured by how each requirement is met.
pub fn coverage(c: &Coverage, title: &str, f: ChartFormat) -> Result<Vec<u8>, ChartError> {
    let chart = coverage::CoverageChart::new(c, title, glyphs::font()?);
    render(&chart, f)
}

/// The bundled font file (TrueType), e.g. to embed with `@font-face` in an HTML report.
pub fn font_bytes() -> &'static [u8] {
    glyphs::FONT_BYTES
}

/// Largest side drawn, in pixels: far beyond any real chart, small enough to allocate.
const MAX_SIDE: u32 = 16_000;

/// A chart whose layout is computed: it knows its size and draws on any backend.
trait Chart {
    fn size(&self) -> (u32, u32);
    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<(), ChartError>;
}

fn render<C: Chart>(chart: &C, format: ChartFormat) -> Result<Vec<u8>, ChartError> {
    let (width, height) = chart.size();
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE {
        return Err(ChartError::TooLarge { width, height });
    }
    let font = glyphs::font()?;
    match format {
        ChartFormat::Png => {
            let mut buf = vec![0u8; width as usize * height as usize * 3];
            {
                let backend = BitMapBackend::with_buffer(&mut buf, (width, height));
                let area = GlyphBackend::new(backend, font, TextMode::Raster).into_drawing_area();
                area.fill(&WHITE).map_err(draw_error)?;
                chart.draw(&area)?;
                area.present().map_err(draw_error)?;
            }
            let mut out = Vec::new();
            let mut encoder = png::Encoder::new(&mut out, width, height);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            let mut writer = encoder.write_header()?;
            writer.write_image_data(&buf)?;
            writer.finish()?;
            Ok(out)
        }
        ChartFormat::Svg => {
            let paths = Rc::new(RefCell::new(Vec::new()));
            let mut svg = String::new();
            {
                let backend = SVGBackend::with_string(&mut svg, (width, height));
                let mode = TextMode::Outline(Rc::clone(&paths));
                let area = GlyphBackend::new(backend, font, mode).into_drawing_area();
                area.fill(&WHITE).map_err(draw_error)?;
                chart.draw(&area)?;
                area.present().map_err(draw_error)?;
            }
            let paths = paths.borrow();
            Ok(glyphs::outline_svg_text(&svg, &paths)?.into_bytes())
        }
    }
}

fn draw_error(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(e.to_string())
}

// ---- drawing helpers shared by the charts (pixel coordinates on the root area) ----

const WHITE: RGBColor = RGBColor(255, 255, 255);
const INK: RGBColor = RGBColor(34, 34, 34);
const MUTED: RGBColor = RGBColor(110, 110, 110);
const GRID: RGBColor = RGBColor(225, 225, 225);

/// Text sizes (plotters' size: the line height in pixels).
const TITLE_SIZE: f64 = 20.0;
const LABEL_SIZE: f64 = 14.0;
const SMALL_SIZE: f64 = 12.0;

/// Outer padding of every chart.
const PAD: i32 = 16;

/// Where a text is anchored.
#[derive(Clone, Copy)]
struct Anchor(HPos, VPos);

const LEFT: Anchor = Anchor(HPos::Left, VPos::Center);
const RIGHT: Anchor = Anchor(HPos::Right, VPos::Center);
const CENTER: Anchor = Anchor(HPos::Center, VPos::Center);

fn text_style(size: f64, color: RGBColor, anchor: Anchor) -> TextStyle<'static> {
    FontDesc::new(FontFamily::Name(glyphs::FAMILY), size, FontStyle::Normal)
        .color(&color)
        .pos(Pos::new(anchor.0, anchor.1))
}

#[allow(clippy::too_many_arguments)]
fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    (x, y): (i32, i32),
    size: f64,
    color: RGBColor,
    anchor: Anchor,
) -> Result<(), ChartError> {
    let style = text_style(size, color, anchor);
    area.draw(&Text::new(s.to_string(), (x, y), style))
        .map_err(draw_error)
}

/// Text reading bottom to top (for column headers).
fn text_up<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    (x, y): (i32, i32),
    size: f64,
    color: RGBColor,
) -> Result<(), ChartError> {
    let style = text_style(size, color, LEFT).transform(FontTransform::Rotate270);
    area.draw(&Text::new(s.to_string(), (x, y), style))
        .map_err(draw_error)
}

fn fill_rect<DB: DrawingBackend, C: Color>(
    area: &DrawingArea<DB, Shift>,
    (x0, y0): (i32, i32),
    (x1, y1): (i32, i32),
    color: C,
) -> Result<(), ChartError> {
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
        .map_err(draw_error)
}

fn line<DB: DrawingBackend, C: Color>(
    area: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
    color: C,
    width: u32,
) -> Result<(), ChartError> {
    let style = ShapeStyle::from(&color.to_rgba()).stroke_width(width);
    area.draw(&PathElement::new(vec![from, to], style))
        .map_err(draw_error)
}

fn polygon<DB: DrawingBackend, C: Color>(
    area: &DrawingArea<DB, Shift>,
    points: Vec<(i32, i32)>,
    color: C,
) -> Result<(), ChartError> {
    area.draw(&Polygon::new(points, color.filled()))
        .map_err(draw_error)
}

/// Title at the top left.
fn title<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, s: &str) -> Result<(), ChartError> {
    text(area, s, (PAD, PAD + TITLE_ROW / 2), TITLE_SIZE, INK, LEFT)
}

/// Height of the title row.
const TITLE_ROW: i32 = 26;

/// A legend of coloured swatches, wrapped at `max_width`; returns the height used.
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[(String, RGBColor)],
    (x0, y0): (i32, i32),
    max_width: i32,
) -> Result<i32, ChartError> {
    let font = glyphs::font()?;
    let places = legend_places(font, items, max_width);
    for ((label, color), (dx, dy)) in items.iter().zip(&places) {
        let (x, y) = (x0 + dx, y0 + dy);
        fill_rect(area, (x, y + 4), (x + 12, y + 16), *color)?;
        text(area, label, (x + 17, y + 10), SMALL_SIZE, INK, LEFT)?;
    }
    Ok(places.last().map_or(0, |(_, dy)| dy + LEGEND_ROW))
}

const LEGEND_ROW: i32 = 20;

/// Offsets of the legend entries, wrapped into rows no wider than `max_width`.
fn legend_places(
    font: &ab_glyph::FontRef<'static>,
    items: &[(String, RGBColor)],
    max_width: i32,
) -> Vec<(i32, i32)> {
    let (mut x, mut y) = (0, 0);
    let mut places = Vec::with_capacity(items.len());
    for (label, _) in items {
        let w = 17 + glyphs::text_width(font, label, SMALL_SIZE).ceil() as i32 + 18;
        if x > 0 && x + w > max_width {
            x = 0;
            y += LEGEND_ROW;
        }
        places.push((x, y));
        x += w;
    }
    places
}

/// A "no data" chart body: the message centred below the title.
fn no_data<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let top = PAD + TITLE_ROW;
    fill_rect(
        area,
        (PAD, top + 8),
        (w - PAD, h - PAD),
        RGBColor(246, 246, 246),
    )?;
    text(
        area,
        "no data",
        (w / 2, (top + 8 + h - PAD) / 2),
        LABEL_SIZE,
        MUTED,
        CENTER,
    )
}

/// Size of a "no data" chart whose title is `title`.
fn no_data_size(font: &ab_glyph::FontRef<'static>, title: &str) -> (u32, u32) {
    let title_w = glyphs::text_width(font, title, TITLE_SIZE).ceil() as u32;
    (title_w.max(400) + 2 * PAD as u32, 160)
}

/// Ticks 0, step, 2·step … covering `max`, with a 1-2-5 step giving about five intervals.
fn nice_ticks(max: f64) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        1.0
    };
    let raw = max / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let count = (max / step).ceil() as usize;
    // Rounded so that 3 × 0.2 is 0.6.
    (0..=count)
        .map(|i| (i as f64 * step * 1e6).round() / 1e6)
        .collect()
}

/// A tick value without needless decimals.
fn tick_label(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v:.1}")
    }
}

/// A finite, non-negative value (NaN and negatives draw as zero).
fn clean(v: f64) -> f64 {
    if v.is_finite() && v > 0.0 {
        v
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_path() {
        assert_eq!(
            ChartFormat::from_path(Path::new("a/timeline.PNG")),
            Some(ChartFormat::Png)
        );
        assert_eq!(
            ChartFormat::from_path(Path::new("r.svg")),
            Some(ChartFormat::Svg)
        );
        assert_eq!(ChartFormat::from_path(Path::new("r.jpg")), None);
        assert_eq!(ChartFormat::from_path(Path::new("svg")), None);
    }

    #[test]
    fn ticks_cover_the_maximum() {
        assert_eq!(nice_ticks(100.0), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(7.0), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(nice_ticks(0.0), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(f64::NAN).len(), 6);
        assert_eq!(tick_label(0.2), "0.2");
        assert_eq!(tick_label(40.0), "40");
    }
}
