//! Server-rendered SVG charts: no script, no external service, and no inline
//! style, which the page's Content-Security-Policy forbids. Colours are
//! presentation attributes, so a stylesheet can still override them through
//! each series' class. The numbers are also written out in the `<desc>` for
//! screen readers. Each chart is drawn twice, wide for a desktop column and
//! narrow for a phone, so that its text stays readable on both: the stylesheet
//! shows one drawing and hides the other (`display: none`, hidden from screen
//! readers too).

use std::fmt::Write;

/// One set of bars.
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    pub class: String,
}

/// One line; a None value (no sample in that bucket) breaks it.
pub struct LineSeries {
    pub name: String,
    pub values: Vec<Option<f64>>,
    pub class: String,
}

/// At least 3:1 against white, as marks need; text uses `TEXT` (at least 4.5:1).
const COLOURS: [&str; 4] = ["#1f5f8b", "#b3541e", "#2e7d32", "#6a1b9a"];
const TEXT: &str = "#222222";
const AXIS: &str = "#555555";
const GRID: &str = "#d9d9d9";
/// The geometry of one drawing of a chart, in view-box units.
#[derive(Clone, Copy)]
struct Frame {
    width: f64,
    height: f64,
    left: f64,
    right: f64,
    bottom: f64,
    font: f64,
    class: &'static str,
}

/// A 640-wide view box for a desktop column (a 15-unit font reads at 12 px or
/// more down to 512 px wide)…
const WIDE: Frame = Frame {
    width: 640.0,
    height: 320.0,
    left: 56.0,
    right: 640.0 - 24.0,
    bottom: 320.0 - 36.0,
    font: 15.0,
    class: "chart chart-wide",
};
/// …and a 340-wide one for a phone, drawn about 1:1 on a 360-px screen, with
/// fewer labels; the stylesheet shows one of the two by the screen's width.
const NARROW: Frame = Frame {
    width: 340.0,
    height: 280.0,
    left: 44.0,
    right: 340.0 - 12.0,
    bottom: 280.0 - 32.0,
    font: 13.0,
    class: "chart chart-narrow",
};

/// Grouped bars, one group per label: a wide and a narrow drawing.
pub fn bar_chart(title: &str, labels: &[String], series: &[Series], y_unit: &str) -> String {
    bars(WIDE, title, labels, series, y_unit) + &bars(NARROW, title, labels, series, y_unit)
}

fn bars(frame: Frame, title: &str, labels: &[String], series: &[Series], y_unit: &str) -> String {
    let values: Vec<Vec<Option<f64>>> = series
        .iter()
        .map(|s| s.values.iter().map(|v| Some(*v)).collect())
        .collect();
    let names: Vec<(&str, &str)> = series.iter().map(|s| (s.name.as_str(), s.class.as_str())).collect();
    chart(frame, title, labels, &names, &values, y_unit, false, |plot, out| {
        let group = plot.slot() * 0.8;
        let width = group / series.len().max(1) as f64;
        for (j, (name, class)) in names.iter().enumerate() {
            for (i, v) in values[j].iter().enumerate() {
                let Some(v) = v.filter(|v| *v > 0.0) else { continue };
                let _ = write!(
                    out,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}" class="{}"><title>{}</title></rect>"#,
                    plot.x(i) - group / 2.0 + j as f64 * width,
                    plot.y(v),
                    width,
                    plot.y(0.0) - plot.y(v),
                    COLOURS[j % COLOURS.len()],
                    escape(class),
                    escape(&reading(labels.get(i), name, Some(v), y_unit)),
                );
            }
        }
    })
}

/// Lines with a dot on each value, for waits over time: a wide and a narrow drawing.
pub fn line_chart(title: &str, labels: &[String], series: &[LineSeries], y_unit: &str) -> String {
    lines(WIDE, title, labels, series, y_unit) + &lines(NARROW, title, labels, series, y_unit)
}

fn lines(frame: Frame, title: &str, labels: &[String], series: &[LineSeries], y_unit: &str) -> String {
    let values: Vec<Vec<Option<f64>>> = series.iter().map(|s| s.values.clone()).collect();
    let names: Vec<(&str, &str)> = series.iter().map(|s| (s.name.as_str(), s.class.as_str())).collect();
    chart(frame, title, labels, &names, &values, y_unit, true, |plot, out| {
        for (j, (name, class)) in names.iter().enumerate() {
            let colour = COLOURS[j % COLOURS.len()];
            let points: Vec<Option<(f64, f64)>> = values[j]
                .iter()
                .enumerate()
                .map(|(i, v)| v.map(|v| (plot.x(i), plot.y(v))))
                .collect();
            for run in points.split(Option::is_none).filter(|run| run.len() > 1) {
                let coords: Vec<String> = run.iter().flatten().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2"{} class="{}"/>"#,
                    coords.join(" "),
                    dash(j),
                    escape(class)
                );
            }
            for (i, point) in points.iter().enumerate() {
                let Some((x, y)) = point else { continue };
                let _ = write!(
                    out,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="3" fill="{colour}" class="{}"><title>{}</title></circle>"#,
                    escape(class),
                    escape(&reading(labels.get(i), name, values[j][i], y_unit)),
                );
            }
        }
    })
}

/// Where values go: plot coordinates for bucket indexes and values.
struct Plot {
    frame: Frame,
    top: f64,
    top_value: f64,
    buckets: usize,
}

impl Plot {
    fn slot(&self) -> f64 {
        (self.frame.right - self.frame.left) / self.buckets.max(1) as f64
    }

    fn x(&self, i: usize) -> f64 {
        self.frame.left + self.slot() * (i as f64 + 0.5)
    }

    fn y(&self, v: f64) -> f64 {
        self.frame.bottom - v / self.top_value * (self.frame.bottom - self.top)
    }
}

/// The parts both charts share: accessible texts, legend, gridlines and axes;
/// `marks` draws the values.
#[allow(clippy::too_many_arguments)]
fn chart(
    frame: Frame,
    title: &str,
    labels: &[String],
    names: &[(&str, &str)],
    values: &[Vec<Option<f64>>],
    y_unit: &str,
    lines: bool,
    marks: impl FnOnce(&Plot, &mut String),
) -> String {
    let desc: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let parts: Vec<String> = names
                .iter()
                .zip(values)
                .map(|((name, _), v)| reading(None, name, v.get(i).copied().flatten(), y_unit))
                .collect();
            format!("{label} : {}.", parts.join(", "))
        })
        .collect();
    let desc = if desc.is_empty() {
        "Aucune donnée.".to_owned()
    } else {
        desc.join(" ")
    };
    let Frame {
        width: box_width,
        height: box_height,
        left,
        right,
        bottom,
        font,
        class,
    } = frame;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {box_width} {box_height}" width="100%" role="img" class="{class}" font-family="sans-serif" font-size="{font}" fill="{TEXT}"><title>{}</title><desc>{}</desc>"#,
        escape(title),
        escape(&desc)
    );

    // The legend wraps onto as many rows as it needs above the plot.
    let (mut x, mut y) = (left, 18.0);
    for (j, (name, class)) in names.iter().enumerate() {
        let width = 20.0 + text_width(name, font) + 18.0;
        if x + width > box_width && x > left {
            (x, y) = (left, y + 20.0);
        }
        let colour = COLOURS[j % COLOURS.len()];
        if lines {
            let _ = write!(
                out,
                r#"<line x1="{x}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="2"{} class="{}"/>"#,
                y - 4.0,
                x + 14.0,
                y - 4.0,
                dash(j),
                escape(class)
            );
        } else {
            let _ = write!(
                out,
                r#"<rect x="{x}" y="{:.1}" width="12" height="12" fill="{colour}" class="{}"/>"#,
                y - 10.0,
                escape(class)
            );
        }
        let _ = write!(out, r#"<text x="{:.1}" y="{y}">{}</text>"#, x + 20.0, escape(name));
        x += width;
    }

    let max = values.iter().flatten().flatten().fold(0.0, |m: f64, v| m.max(*v));
    // Counts get no gridline between two whole numbers.
    let integers = values.iter().flatten().flatten().all(|v| v.fract() == 0.0);
    let ticks = ticks(max, integers);
    let plot = Plot {
        frame,
        top: y + 36.0,
        top_value: ticks.last().copied().unwrap_or(1.0),
        buckets: labels.len(),
    };
    if !y_unit.is_empty() {
        let _ = write!(
            out,
            r#"<text x="8" y="{:.1}">{}</text>"#,
            plot.top - 14.0,
            escape(y_unit)
        );
    }
    for tick in &ticks {
        let ty = plot.y(*tick);
        let _ = write!(
            out,
            r#"<line x1="{left}" y1="{ty:.1}" x2="{right}" y2="{ty:.1}" stroke="{GRID}"/><text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            left - 6.0,
            ty + 4.0,
            number(*tick)
        );
    }
    marks(&plot, &mut out);
    let _ = write!(
        out,
        r#"<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{AXIS}"/><line x1="{left}" y1="{:.1}" x2="{left}" y2="{bottom}" stroke="{AXIS}"/>"#,
        plot.top
    );
    // Only every `step`-th label, so that none overlaps the next shown.
    let widest = labels.iter().map(|l| text_width(l, font)).fold(0.0, f64::max);
    let step = ((widest + 8.0) / plot.slot()).ceil().max(1.0) as usize;
    for (i, label) in labels.iter().enumerate().step_by(step) {
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" class="chart-x">{}</text>"#,
            plot.x(i),
            bottom + 20.0,
            escape(label)
        );
    }
    out.push_str("</svg>");
    out
}

/// Round gridline values from 0 past `max`, about four steps of 1, 2 or 5 × 10ⁿ.
fn ticks(max: f64, integers: bool) -> Vec<f64> {
    let raw = max / 4.0;
    let step = if raw > 0.0 {
        let magnitude = 10f64.powf(raw.log10().floor());
        let step = [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw)
            .unwrap_or(raw);
        if integers {
            step.max(1.0)
        } else {
            step
        }
    } else {
        1.0
    };
    let count = (max / step).ceil().max(1.0) as usize;
    (0..=count).map(|k| k as f64 * step).collect()
}

/// "Appels 12", "Attente p90 45 s", "SMS 1 contact", or "… sans donnée".
fn reading(label: Option<&String>, name: &str, value: Option<f64>, unit: &str) -> String {
    let prefix = label.map(|l| format!("{l} : ")).unwrap_or_default();
    match value {
        Some(v) if unit.is_empty() => format!("{prefix}{name} {}", number(v)),
        Some(v) => {
            // French keeps a unit word singular below 2; symbols such as "s" never change.
            let unit = match unit.strip_suffix('s') {
                Some(one) if v.abs() < 2.0 && one.chars().count() > 1 => one,
                _ => unit,
            };
            format!("{prefix}{name} {} {unit}", number(v))
        }
        None => format!("{prefix}{name} sans donnée"),
    }
}

/// French notation: decimal comma, thousands apart by a narrow no-break space.
fn number(v: f64) -> String {
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let (sign, digits) = whole.strip_prefix('-').map_or(("", whole), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    match fraction {
        "" => format!("{sign}{grouped}"),
        f => format!("{sign}{grouped},{f}"),
    }
}

/// The second and fourth lines are dashed, so that lines differ by more than colour.
fn dash(j: usize) -> &'static str {
    if j % 2 == 1 {
        r#" stroke-dasharray="6 4""#
    } else {
        ""
    }
}

/// A generous estimate, as the font is the reader's.
fn text_width(text: &str, font: f64) -> f64 {
    text.chars().count() as f64 * font * 0.62
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every tag closed in order, and every '&' an entity.
    fn assert_well_formed(svg: &str) {
        let mut open: Vec<&str> = Vec::new();
        let mut rest = svg;
        while let Some(at) = rest.find('<') {
            let end = rest[at..].find('>').expect("an unclosed '<'") + at;
            let tag = &rest[at + 1..end];
            assert!(!tag.contains('<'), "a '<' inside a tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "closing {name}");
            } else if !tag.ends_with('/') {
                open.push(tag.split(' ').next().unwrap());
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "left open: {open:?}");
        for (at, _) in svg.match_indices('&') {
            let entity = &svg[at..svg[at..].find(';').unwrap() + at + 1];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&entity),
                "{entity}"
            );
        }
    }

    fn labels(n: usize) -> Vec<String> {
        (1..=n).map(|d| format!("{d} sept.")).collect()
    }

    #[test]
    fn bars_are_accessible_escaped_and_without_style() {
        let series = [
            Series {
                name: "Appels <reçus> & \"pris\"".into(),
                values: vec![12.0, 0.0, 3.0],
                class: "calls".into(),
            },
            Series {
                name: "SMS".into(),
                values: vec![1.0, 2.0, 1200.0],
                class: "sms".into(),
            },
        ];
        let labels = ["l'un".into(), "b<c".into(), "d".into()];
        let both = bar_chart("Contacts par jour", &labels, &series, "contacts");
        assert_well_formed(&both);
        assert_eq!(both.matches("<svg").count(), 2, "a wide and a narrow drawing");
        assert!(both.contains(r#"class="chart chart-wide""#) && both.contains(r#"class="chart chart-narrow""#));
        let svg = bars(WIDE, "Contacts par jour", &labels, &series, "contacts");
        assert_well_formed(&svg);
        assert!(!svg.contains("style"));
        assert!(svg.contains(r#"role="img""#) && svg.contains(r#"width="100%""#) && svg.contains("viewBox"));
        assert!(svg.contains("<title>Contacts par jour</title>"));
        assert!(svg.contains("Appels &lt;reçus&gt; &amp; &quot;pris&quot;"));
        assert!(svg.contains("l&apos;un") && svg.contains("b&lt;c"));
        assert!(
            svg.contains("<desc>l&apos;un : Appels &lt;reçus&gt; &amp; &quot;pris&quot; 12 contacts, SMS 1 contact.")
        );
        assert!(svg.contains("SMS 1\u{202f}200 contacts"));
        // Five bars: the zero draws none.
        assert_eq!(svg.matches("<rect").count() - series.len(), 5);
    }

    #[test]
    fn many_labels_are_thinned() {
        for (n, frame) in [(31, WIDE), (53, WIDE), (31, NARROW), (53, NARROW)] {
            let series = [Series {
                name: "Appels".into(),
                values: vec![1.0; n],
                class: "calls".into(),
            }];
            let svg = bars(frame, "Appels", &labels(n), &series, "");
            let shown = svg.matches(r#"class="chart-x""#).count();
            let room = (frame.right - frame.left) / shown as f64;
            assert!(shown < n && room > text_width("30 sept.", frame.font), "{n}: {shown}");
        }
    }

    #[test]
    fn lines_break_where_there_is_no_value() {
        let series = [
            LineSeries {
                name: "Attente moyenne".into(),
                values: vec![Some(10.0), None, Some(30.0), Some(25.5)],
                class: "wait-avg".into(),
            },
            LineSeries {
                name: "Attente p90".into(),
                values: vec![None, None, None, Some(60.0)],
                class: "wait-p90".into(),
            },
        ];
        assert_well_formed(&line_chart("Attente", &labels(4), &series, "s"));
        let svg = lines(NARROW, "Attente", &labels(4), &series, "s");
        assert_well_formed(&svg);
        assert!(!svg.contains("style"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(svg.matches("<circle").count(), 4);
        assert!(svg.contains("2 sept. : Attente moyenne sans donnée, Attente p90 sans donnée."));
        assert!(svg.contains("4 sept. : Attente moyenne 25,5 s, Attente p90 60 s."));
        assert!(line_chart("Vide", &[], &[], "s").contains("<desc>Aucune donnée.</desc>"));
    }

    #[test]
    fn ticks_are_round_and_cover_the_maximum() {
        for max in [0.0, 0.3, 1.0, 3.0, 7.0, 12.0, 47.0, 99.0, 100.0, 1234.0, 0.07] {
            let ticks = ticks(max, false);
            let step = ticks[1];
            let mantissa = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (m - mantissa).abs() < 1e-9),
                "{max}: {step}"
            );
            assert!(
                ticks[0] == 0.0 && *ticks.last().unwrap() >= max && ticks.len() <= 6,
                "{max}: {ticks:?}"
            );
        }
        assert_eq!(ticks(47.0, false), [0.0, 20.0, 40.0, 60.0]);
        assert_eq!(ticks(2.0, true), [0.0, 1.0, 2.0]);
        assert_eq!(number(0.5), "0,5");
    }

    #[test]
    fn colours_contrast_with_white() {
        fn luminance(hex: &str) -> f64 {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.039_28 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        }
        let contrast = |hex| 1.05 / (luminance(hex) + 0.05);
        assert!(COLOURS.iter().chain([&AXIS]).all(|c| contrast(c) >= 3.0));
        assert!(contrast(TEXT) >= 4.5);
    }
}
