//! The coverage grid: postings (rows) × skills (columns), each cell coloured by how the
//! résumé meets that posting's requirement.

use ab_glyph::FontRef;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::glyphs::{text_width, truncate};
use super::{
    fill_rect, legend, legend_places, line, no_data, no_data_size, text, text_up, title, Cell,
    ChartError, Coverage, GRID, INK, LABEL_SIZE, LEGEND_ROW, PAD, RIGHT, SMALL_SIZE, TITLE_ROW,
    TITLE_SIZE,
};

/// Side of one cell.
const CELL: i32 = 22;
/// Widest posting label before it is cut with `…`.
const MAX_ROW_LABEL: f64 = 340.0;
/// Longest skill header before it is cut with `…`.
const MAX_COLUMN_LABEL: f64 = 180.0;

fn cell_color(c: Cell) -> RGBColor {
    match c {
        Cell::Met => RGBColor(89, 161, 79),
        Cell::Partial => RGBColor(237, 201, 72),
        Cell::Missing => RGBColor(225, 87, 89),
        Cell::NotAsked => RGBColor(242, 242, 242),
    }
}

/// A laid-out coverage grid.
pub struct CoverageChart {
    title: String,
    rows: Vec<String>,
    columns: Vec<String>,
    cells: Vec<Vec<Cell>>,
    legend: Vec<(String, RGBColor)>,
    width: i32,
    height: i32,
    grid_left: i32,
    grid_top: i32,
}

impl CoverageChart {
    pub fn new(c: &Coverage, title: &str, font: &FontRef<'static>) -> CoverageChart {
        let rows: Vec<String> = c
            .postings
            .iter()
            .map(|p| truncate(font, p, LABEL_SIZE, MAX_ROW_LABEL))
            .collect();
        let columns: Vec<String> = c
            .skills
            .iter()
            .map(|s| truncate(font, s, SMALL_SIZE, MAX_COLUMN_LABEL))
            .collect();
        let legend = [
            ("met", Cell::Met),
            ("partly met (years)", Cell::Partial),
            ("missing", Cell::Missing),
            ("not asked", Cell::NotAsked),
        ]
        .into_iter()
        .map(|(name, cell)| (name.to_string(), cell_color(cell)))
        .collect::<Vec<_>>();
        let label_width = rows
            .iter()
            .map(|r| text_width(font, r, LABEL_SIZE))
            .fold(60.0, f64::max)
            .ceil() as i32;
        let header = columns
            .iter()
            .map(|s| text_width(font, s, SMALL_SIZE))
            .fold(40.0, f64::max)
            .ceil() as i32;
        let grid_left = PAD + label_width + 10;
        let grid_top = PAD + TITLE_ROW + 8 + header + 8;
        let title_width = text_width(font, title, TITLE_SIZE).ceil() as i32;
        let grid_right = grid_left + columns.len() as i32 * CELL;
        let mut width = (grid_right + PAD).max(title_width + 2 * PAD).max(420);
        let legend_height = legend_places(font, &legend, width - 2 * PAD)
            .last()
            .map_or(0, |(_, dy)| dy + LEGEND_ROW);
        let mut height = grid_top + rows.len() as i32 * CELL + 12 + legend_height + PAD;
        if rows.is_empty() || columns.is_empty() {
            let (w, h) = no_data_size(font, title);
            (width, height) = (w as i32, h as i32);
        }
        CoverageChart {
            title: title.to_string(),
            rows,
            columns,
            cells: c.cells.clone(),
            legend,
            width,
            height,
            grid_left,
            grid_top,
        }
    }
}

impl super::Chart for CoverageChart {
    fn size(&self) -> (u32, u32) {
        (self.width.max(1) as u32, self.height.max(1) as u32)
    }

    fn draw<DB: DrawingBackend>(&self, area: &DrawingArea<DB, Shift>) -> Result<(), ChartError> {
        title(area, &self.title)?;
        if self.rows.is_empty() || self.columns.is_empty() {
            return no_data(area);
        }
        let (left, top) = (self.grid_left, self.grid_top);
        let right = left + self.columns.len() as i32 * CELL;
        let bottom = top + self.rows.len() as i32 * CELL;
        for (j, s) in self.columns.iter().enumerate() {
            // Reads bottom to top, starting just above the grid, centred on the column.
            let x = left + j as i32 * CELL + CELL / 2;
            text_up(area, s, (x, top - 6), SMALL_SIZE, INK)?;
        }
        for (i, label) in self.rows.iter().enumerate() {
            let y = top + i as i32 * CELL;
            text(
                area,
                label,
                (left - 8, y + CELL / 2),
                LABEL_SIZE,
                INK,
                RIGHT,
            )?;
            let row = self.cells.get(i);
            for j in 0..self.columns.len() {
                let cell = row
                    .and_then(|r| r.get(j))
                    .copied()
                    .unwrap_or(Cell::NotAsked);
                let x = left + j as i32 * CELL;
                fill_rect(
                    area,
                    (x + 1, y + 1),
                    (x + CELL - 1, y + CELL - 1),
                    cell_color(cell),
                )?;
            }
        }
        for j in 0..=self.columns.len() as i32 {
            let x = left + j * CELL;
            line(area, (x, top), (x, bottom), GRID, 1)?;
        }
        for i in 0..=self.rows.len() as i32 {
            let y = top + i * CELL;
            line(area, (left, y), (right, y), GRID, 1)?;
        }
        legend(area, &self.legend, (PAD, bottom + 12), self.width - 2 * PAD)?;
        Ok(())
    }
}
