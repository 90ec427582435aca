//! A script drawn as a diagram, for the back-office: one box per node, in
//! rows by distance from the start, an arrow per way out (the key for a menu
//! choice, open or closed for hours, failure for a transfer). Server-rendered
//! SVG with presentation attributes only (the page's CSP forbids inline
//! styles), and the same paths written out in words for screen readers.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write;

use super::script::{Node, Script};

const BOX_W: f64 = 168.0;
const BOX_H: f64 = 46.0;
const GAP_X: f64 = 24.0;
const GAP_Y: f64 = 96.0;
const MARGIN: f64 = 12.0;

/// One way out of a node, as the diagram labels it.
struct Edge<'a> {
    from: &'a str,
    to: &'a str,
    label: String,
}

fn edges(script: &Script) -> Vec<Edge<'_>> {
    let mut out = Vec::new();
    for (id, node) in &script.nodes {
        match node {
            Node::Menu(m) => {
                for c in &m.choices {
                    out.push(Edge {
                        from: id,
                        to: &c.to,
                        label: format!("touche {}", c.key),
                    });
                }
                if let Some(t) = m
                    .on_exhausted
                    .as_deref()
                    .or(script.menu_defaults.on_exhausted.as_deref())
                {
                    out.push(Edge {
                        from: id,
                        to: t,
                        label: "sans choix".into(),
                    });
                }
            }
            other => {
                for (setting, to) in other.targets(&script.menu_defaults) {
                    let label = match setting {
                        "open" => "ouvert",
                        "closed" => "fermé",
                        "on_failure" => "personne ne répond",
                        "on_empty" => "message vide",
                        "on_withheld" => "numéro masqué",
                        _ => "ensuite",
                    };
                    out.push(Edge {
                        from: id,
                        to,
                        label: label.into(),
                    });
                }
            }
        }
    }
    out
}

/// What a node does, in French.
fn kind_label(node: &Node) -> String {
    match node {
        Node::Message(_) => "message".into(),
        Node::Menu(_) => "menu".into(),
        Node::Hours(_) => "horaires".into(),
        Node::Transfer(t) => format!("transfert : {}", t.role),
        Node::Voicemail(_) => "messagerie".into(),
        Node::Callback(_) => "demande de rappel".into(),
        Node::Hangup(_) => "fin d'appel".into(),
    }
}

/// The SVG of `script`, at its natural size (one unit a CSS pixel, so 13-px
/// text on any screen): the page puts it in a box that scrolls sideways.
pub fn svg(script: &Script) -> String {
    // Rows by distance from the start; nodes the start never reaches go last.
    let edges = edges(script);
    let mut depth: BTreeMap<&str, usize> = BTreeMap::new();
    let mut queue = VecDeque::from([(script.script.start.as_str(), 0)]);
    while let Some((id, d)) = queue.pop_front() {
        if depth.contains_key(id) || !script.nodes.contains_key(id) {
            continue;
        }
        depth.insert(id, d);
        for e in edges.iter().filter(|e| e.from == id) {
            queue.push_back((e.to, d + 1));
        }
    }
    let last = depth.values().max().map_or(0, |d| d + 1);
    for id in script.nodes.keys() {
        depth.entry(id.as_str()).or_insert(last);
    }
    let mut rows: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for (id, d) in &depth {
        rows.entry(*d).or_default().push(id);
    }
    let widest = rows.values().map(Vec::len).max().unwrap_or(1) as f64;
    let width = MARGIN * 2.0 + widest * BOX_W + (widest - 1.0) * GAP_X;
    let height = MARGIN * 2.0 + rows.len() as f64 * (BOX_H + GAP_Y) - GAP_Y;
    let mut place: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for (row, (_, ids)) in rows.iter().enumerate() {
        let row_w = ids.len() as f64 * BOX_W + (ids.len() as f64 - 1.0) * GAP_X;
        let x0 = (width - row_w) / 2.0;
        for (i, id) in ids.iter().enumerate() {
            place.insert(
                id,
                (x0 + i as f64 * (BOX_W + GAP_X), MARGIN + row as f64 * (BOX_H + GAP_Y)),
            );
        }
    }

    // The arrowhead's id, one per script: several diagrams share the content page.
    let marker = format!(
        "fleche-{:08x}",
        format!("{}\n{}", script.script.name, script.script.start)
            .bytes()
            .fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
    );
    let mut out = String::new();
    let desc: Vec<String> = edges
        .iter()
        .map(|e| format!("{} vers {} ({})", e.from, e.to, e.label))
        .collect();
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" role="img" class="diagram" font-family="sans-serif" font-size="13"><title>Schéma du script {}</title><desc>Départ : {}. {}.</desc><defs><marker id="{marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#444444"/></marker></defs>"##,
        escape(&script.script.name),
        escape(&script.script.start),
        escape(&desc.join(" ; "))
    );
    for e in &edges {
        let (Some(&(fx, fy)), Some(&(tx, ty))) = (place.get(e.from), place.get(e.to)) else {
            continue;
        };
        let (x1, y1) = (fx + BOX_W / 2.0, fy + BOX_H);
        let (x2, y2) = (tx + BOX_W / 2.0, ty);
        // A way back up (a menu repeated, a return to the start) is dashed and curved aside.
        let back = ty <= fy;
        let path = if back {
            format!(
                "M {x1:.0} {y1:.0} C {:.0} {:.0}, {:.0} {:.0}, {x2:.0} {y2:.0}",
                x1 + BOX_W * 0.7,
                y1 + GAP_Y / 2.0,
                x2 + BOX_W * 0.7,
                y2 - GAP_Y / 2.0
            )
        } else {
            format!("M {x1:.0} {y1:.0} L {x2:.0} {y2:.0}")
        };
        let _ = write!(
            out,
            r##"<path d="{path}" fill="none" stroke="#444444" stroke-width="1.5"{} marker-end="url(#{marker})"/><text x="{:.0}" y="{:.0}" text-anchor="middle" fill="#222222">{}</text>"##,
            if back { r#" stroke-dasharray="5 4""# } else { "" },
            // Near the node it leaves, so that labels of a busy menu stay apart.
            x1 + (x2 - x1) * 0.3 + if back { BOX_W * 0.55 } else { 0.0 },
            y1 + (y2 - y1) * 0.3 + 4.0,
            escape(&e.label)
        );
    }
    for (id, node) in &script.nodes {
        let Some(&(x, y)) = place.get(id.as_str()) else {
            continue;
        };
        let start = *id == script.script.start;
        let _ = write!(
            out,
            r##"<g><rect x="{x:.0}" y="{y:.0}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{}" stroke="#1f5f8b" stroke-width="{}"/><text x="{:.0}" y="{:.0}" text-anchor="middle" font-weight="700" fill="#222222">{}</text><text x="{:.0}" y="{:.0}" text-anchor="middle" fill="#222222">{}</text></g>"##,
            if start { "#e6f2ec" } else { "#ffffff" },
            if start { 3 } else { 1 },
            x + BOX_W / 2.0,
            y + 19.0,
            escape(id),
            x + BOX_W / 2.0,
            y + 36.0,
            escape(&kind_label(node))
        );
    }
    out.push_str("</svg>");
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped(name: &str) -> Script {
        let path = format!("{}/ivr-scripts/{name}", env!("CARGO_MANIFEST_DIR"));
        super::super::script::parse(name, &std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn every_node_and_every_way_out_is_drawn_and_said() {
        let script = shipped("main.toml");
        let svg = svg(&script);
        for id in script.nodes.keys() {
            assert!(svg.contains(&format!(">{}</text>", escape(id))), "{id}");
        }
        let edges = edges(&script);
        assert!(
            edges.iter().any(|e| e.label.starts_with("touche ")),
            "menu keys are labelled"
        );
        assert_eq!(svg.matches("marker-end").count(), edges.len(), "one arrow per way out");
        assert!(svg.contains("<desc>Départ : "));
        assert_eq!(svg.matches("<g>").count(), script.nodes.len());
        assert!(!svg.contains("style"), "no inline style: the CSP forbids it");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
