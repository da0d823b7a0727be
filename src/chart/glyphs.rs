//! Text for charts: the bundled font, text measurement, and a backend wrapper that draws every
//! piece of text itself, from the font's outlines.
//!
//! [`GlyphBackend`] wraps a plotters backend and replaces its `draw_text`: on a bitmap the
//! glyphs are rasterised with coverage (anti-aliased) into the pixels; on SVG the text becomes a
//! `<path>` of the glyph outlines (see [`outline_svg_text`]). Both use the same layout, so PNG
//! and SVG place text identically, and neither depends on fonts installed on the machine that
//! draws or views the chart.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;
use std::sync::OnceLock;

use ab_glyph::{point, Font, FontRef, GlyphId, OutlineCurve, PxScale, ScaleFont};
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{FontStyle, FontTransform};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::ChartError;

/// VL PGothic (proportional), subset to CP932 (JIS X 0208 plus the NEC/IBM extensions) and
/// everything that is not a CJK ideograph; see `assets/fonts/README.md`.
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/VL-PGothic-Regular-subset.ttf");

/// The family name the font is registered under with plotters.
pub const FAMILY: &str = "sans-serif";

/// Marks the placeholder `<text>` that [`GlyphBackend`] asks the SVG backend to write, so that
/// [`outline_svg_text`] can put the outline path in its place (same z-order).
const TOKEN: &str = "skillfit-glyphs:";

/// The parsed bundled font, registered with plotters once per process.
pub fn font() -> Result<&'static FontRef<'static>, ChartError> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| {
        let font = FontRef::try_from_slice(FONT_BYTES).ok()?;
        // plotters' own text paths (none of ours use them) then find a font too.
        plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_BYTES).ok()?;
        Some(font)
    })
    .as_ref()
    .ok_or(ChartError::Font)
}

/// Width in pixels of `text` at `size` (plotters' size: the line height in pixels).
/// The width of the widest of `texts` in whole pixels, at least `floor` (for label columns).
pub fn widest<'a>(
    font: &FontRef<'static>,
    texts: impl Iterator<Item = &'a str>,
    size: f64,
    floor: f64,
) -> i32 {
    texts
        .map(|t| text_width(font, t, size))
        .fold(floor, f64::max)
        .ceil() as i32
}

pub fn text_width(font: &FontRef<'static>, text: &str, size: f64) -> f64 {
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let mut width = 0f32;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            width += scaled.kern(p, id);
        }
        width += scaled.h_advance(id);
        prev = Some(id);
    }
    f64::from(width)
}

/// `text` cut to fit `max_width` pixels, ending in `…` when it was cut.
pub fn truncate(font: &FontRef<'static>, text: &str, size: f64, max_width: f64) -> String {
    if text_width(font, text, size) <= max_width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 0 {
        keep -= 1;
        let candidate: String = chars[..keep]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if text_width(font, &candidate, size) <= max_width {
            return candidate;
        }
    }
    "…".to_string()
}

/// One glyph placed in the text's own frame: origin at the anchor point, y down, unrotated.
struct Placed {
    id: GlyphId,
    x: f32,
    baseline: f32,
}

/// Lay `text` out around the anchor point (0, 0). Vertical anchors use the font's line box
/// (ascent to descent), so `Center` centres Latin capitals and kana alike.
fn layout(font: &FontRef<'static>, text: &str, size: f64, h: HPos, v: VPos) -> Vec<Placed> {
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let width = text_width(font, text, size) as f32;
    let (ascent, descent) = (scaled.ascent(), scaled.descent());
    let x0 = match h {
        HPos::Left => 0.0,
        HPos::Center => -width / 2.0,
        HPos::Right => -width,
    };
    let baseline = match v {
        VPos::Top => ascent,
        VPos::Center => (ascent + descent) / 2.0,
        VPos::Bottom => descent,
    };
    let mut placed = Vec::new();
    let mut x = x0;
    let mut prev: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = prev {
            x += scaled.kern(p, id);
        }
        placed.push(Placed { id, x, baseline });
        x += scaled.h_advance(id);
        prev = Some(id);
    }
    placed
}

/// Clockwise quarter turns of a plotters text transform.
fn quarter_turns(t: &FontTransform) -> u8 {
    match t {
        FontTransform::Rotate90 => 1,
        FontTransform::Rotate180 => 2,
        FontTransform::Rotate270 => 3,
        _ => 0,
    }
}

/// Rotate a point of the text's frame into the drawing's frame (same convention as plotters).
fn rotate(turns: u8, x: f32, y: f32) -> (f32, f32) {
    match turns {
        1 => (-y, x),
        2 => (-x, -y),
        3 => (y, -x),
        _ => (x, y),
    }
}

/// SVG path data for `text`, in absolute drawing coordinates, one decimal.
pub(super) fn path_data(
    font: &FontRef<'static>,
    text: &str,
    size: f64,
    anchor: (HPos, VPos),
    turns: u8,
    pos: BackendCoord,
) -> String {
    let scaled = font.as_scaled(PxScale::from(size as f32));
    let (sx, sy) = (scaled.h_scale_factor(), scaled.v_scale_factor());
    let mut d = String::new();
    for g in layout(font, text, size, anchor.0, anchor.1) {
        let Some(outline) = font.outline(g.id) else {
            continue;
        };
        // Font units are y-up; the text frame is y-down.
        let map = |p: ab_glyph::Point| {
            let (x, y) = rotate(turns, g.x + p.x * sx, g.baseline - p.y * sy);
            (x + pos.0 as f32, y + pos.1 as f32)
        };
        let mut last: Option<ab_glyph::Point> = None;
        for curve in &outline.curves {
            let start = match curve {
                OutlineCurve::Line(a, _) | OutlineCurve::Quad(a, _, _) => *a,
                OutlineCurve::Cubic(a, _, _, _) => *a,
            };
            if last != Some(start) {
                if last.is_some() {
                    d.push('Z');
                }
                let (x, y) = map(start);
                let _ = write!(d, "M{x:.1} {y:.1}");
            }
            match curve {
                OutlineCurve::Line(_, b) => {
                    let (x, y) = map(*b);
                    let _ = write!(d, "L{x:.1} {y:.1}");
                    last = Some(*b);
                }
                OutlineCurve::Quad(_, c, b) => {
                    let ((cx, cy), (x, y)) = (map(*c), map(*b));
                    let _ = write!(d, "Q{cx:.1} {cy:.1} {x:.1} {y:.1}");
                    last = Some(*b);
                }
                OutlineCurve::Cubic(_, c1, c2, b) => {
                    let ((ax, ay), (bx, by), (x, y)) = (map(*c1), map(*c2), map(*b));
                    let _ = write!(d, "C{ax:.1} {ay:.1} {bx:.1} {by:.1} {x:.1} {y:.1}");
                    last = Some(*b);
                }
            }
        }
        if last.is_some() {
            d.push('Z');
        }
    }
    d
}

/// How [`GlyphBackend`] turns text into drawing.
pub enum TextMode {
    /// Rasterise glyphs into the backend's pixels (bitmaps).
    Raster,
    /// Collect one `<path>` per text (SVG); the backend gets a placeholder `<text>`.
    Outline(Rc<RefCell<Vec<Outline>>>),
}

/// A plotters backend whose text is drawn from the bundled font's outlines.
pub struct GlyphBackend<B> {
    inner: B,
    font: &'static FontRef<'static>,
    mode: TextMode,
}

impl<B: DrawingBackend> GlyphBackend<B> {
    pub fn new(inner: B, font: &'static FontRef<'static>, mode: TextMode) -> Self {
        Self { inner, font, mode }
    }

    fn raster_text(
        &mut self,
        text: &str,
        size: f64,
        anchor: (HPos, VPos),
        turns: u8,
        color: BackendColor,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let scale = PxScale::from(size as f32);
        let mut pixels: Vec<((i32, i32), f32)> = Vec::new();
        for g in layout(self.font, text, size, anchor.0, anchor.1) {
            let glyph = g.id.with_scale_and_position(scale, point(g.x, g.baseline));
            let Some(outlined) = self.font.outline_glyph(glyph) else {
                continue;
            };
            let min = outlined.px_bounds().min;
            outlined.draw(|x, y, coverage| {
                if coverage > 0.0 {
                    let (rx, ry) = rotate(turns, min.x + x as f32, min.y + y as f32);
                    pixels.push(((rx.round() as i32, ry.round() as i32), coverage.min(1.0)));
                }
            });
        }
        let (w, h) = self.inner.get_size();
        for ((x, y), coverage) in pixels {
            let (x, y) = (x + pos.0, y + pos.1);
            if x < 0 || y < 0 || x >= w as i32 || y >= h as i32 {
                continue;
            }
            let c = BackendColor {
                alpha: color.alpha * f64::from(coverage),
                rgb: color.rgb,
            };
            self.inner.draw_pixel((x, y), c)?;
        }
        Ok(())
    }
}

impl<B: DrawingBackend> DrawingBackend for GlyphBackend<B> {
    type ErrorType = B::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<B::ErrorType>> {
        let width = text_width(self.font, text, style.size());
        Ok((width.ceil() as u32, style.size().ceil() as u32))
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<B::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 || text.trim().is_empty() {
            return Ok(());
        }
        let anchor = (style.anchor().h_pos, style.anchor().v_pos);
        let (size, turns) = (style.size(), quarter_turns(&style.transform()));
        match &self.mode {
            TextMode::Raster => self.raster_text(text, size, anchor, turns, color, pos),
            TextMode::Outline(paths) => {
                let d = path_data(self.font, text, size, anchor, turns, pos);
                let token = {
                    let mut paths = paths.borrow_mut();
                    paths.push(Outline {
                        d,
                        text: text.to_owned(),
                    });
                    format!("{TOKEN}{}", paths.len() - 1)
                };
                self.inner.draw_text(&token, style, pos)
            }
        }
    }
}

/// One text of an SVG chart: its glyph outlines (path data) and the words they draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub d: String,
    pub text: String,
}

/// Replace each placeholder `<text>` element that plotters' SVG backend wrote by a `<path>`
/// with the glyph outlines collected for it, keeping its fill and opacity. The words stay in
/// the file: each path carries them as `aria-label` (screen readers) and as its `<title>`
/// (a tooltip, and text a search or a copy can find).
pub fn outline_svg_text(svg: &str, paths: &[Outline]) -> Result<String, ChartError> {
    let size: usize = paths
        .iter()
        .map(|p| p.d.len() + 2 * p.text.len() + 48)
        .sum();
    let mut out = String::with_capacity(svg.len() + size);
    let mut rest = svg;
    while let Some(start) = rest.find("<text") {
        out.push_str(&rest[..start]);
        let element = &rest[start..];
        let end = element
            .find("</text>")
            .ok_or_else(|| ChartError::Svg("unterminated <text>".into()))?;
        let (open, body) = element[..end]
            .split_once('>')
            .ok_or_else(|| ChartError::Svg("malformed <text>".into()))?;
        let index: usize = body
            .trim()
            .strip_prefix(TOKEN)
            .and_then(|n| n.parse().ok())
            .ok_or_else(|| ChartError::Svg("a <text> without glyph outlines".into()))?;
        let Outline { d, text } = paths
            .get(index)
            .ok_or_else(|| ChartError::Svg("glyph outline index out of range".into()))?;
        if !d.is_empty() {
            let words = crate::markup::escape(text);
            out.push_str(&format!(
                "<path d=\"{d}\" fill=\"{}\" opacity=\"{}\" role=\"img\" aria-label=\"{words}\"><title>{words}</title></path>",
                attribute(open, "fill").unwrap_or("#000000"),
                attribute(open, "opacity").unwrap_or("1"),
            ));
        }
        rest = element[end + "</text>".len()..].trim_start_matches('\n');
        if !d.is_empty() {
            out.push('\n');
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The value of `name="…"` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let needle = format!(" {name}=\"");
    let from = tag.find(&needle)? + needle.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_has_japanese_glyphs() {
        let font = font().unwrap();
        for c in "アソビュー株式会社シェルスクリプト髙﨑…—".chars() {
            assert_ne!(font.glyph_id(c).0, 0, "{c} has no glyph");
        }
    }

    #[test]
    fn truncate_adds_ellipsis_only_when_cut() {
        let font = font().unwrap();
        assert_eq!(truncate(font, "short", 12.0, 500.0), "short");
        let cut = truncate(
            font,
            "a rather long posting title — some company",
            12.0,
            80.0,
        );
        assert!(cut.ends_with('…'), "{cut}");
        assert!(text_width(font, &cut, 12.0) <= 80.0);
        assert_eq!(truncate(font, "anything", 12.0, 1.0), "…");
    }

    #[test]
    fn outline_replaces_placeholders_in_order() {
        let svg = format!(
            "<svg>\n<rect/>\n<text x=\"1\" opacity=\"0.5\" fill=\"#112233\">\n{TOKEN}1\n</text>\n<text fill=\"#000000\">\n{TOKEN}0\n</text>\n</svg>\n"
        );
        let o = |d: &str, text: &str| Outline {
            d: d.into(),
            text: text.into(),
        };
        let out = outline_svg_text(&svg, &[o("M0 0Z", "SRE <A&B>"), o("M1 1Z", "経歴")]).unwrap();
        assert_eq!(
            out,
            "<svg>\n<rect/>\n<path d=\"M1 1Z\" fill=\"#112233\" opacity=\"0.5\" role=\"img\" aria-label=\"経歴\"><title>経歴</title></path>\n<path d=\"M0 0Z\" fill=\"#000000\" opacity=\"1\" role=\"img\" aria-label=\"SRE &lt;A&amp;B&gt;\"><title>SRE &lt;A&amp;B&gt;</title></path>\n</svg>\n"
        );
        assert!(outline_svg_text("<text>plain</text>", &[]).is_err());
    }
}
