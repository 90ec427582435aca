//! The figures as one CSV table, for the back office and for funders alike.
//!
//! No personal data can appear in it: the figures are made from
//! [`super::ContactFact`]s, which hold no parent's phone number, no message and
//! nothing else personal; the only number written is the helpline's own line.

use super::stats::{Counts, Figures};

const HEADERS: [&str; 18] = [
    "période",
    "début",
    "ligne",
    "appels",
    "SMS",
    "décrochés",
    "informés",
    "messages laissés",
    "rappels demandés",
    "abandons",
    "manqués",
    "taux de décroché (%)",
    "attente moyenne (s)",
    "attente p90 (s)",
    "rappels",
    "rappels dans le délai",
    "rappels en retard",
    "urgents",
];

/// One row per bucket and line, then a "total" row; a column per need and per
/// abandon node found in the range, sorted. Numbers use '.', dates are ISO.
/// A UTF-8 byte order mark comes first so that spreadsheets read the accents.
pub fn to_csv(fig: &Figures) -> String {
    // The totals hold every need and node that any bucket holds.
    let needs: Vec<&String> = fig.total.needs.keys().collect();
    let nodes: Vec<&String> = fig.total.abandoned_by_node.keys().collect();
    let mut out = csv::Writer::from_writer(Vec::from("\u{feff}"));
    let header = HEADERS
        .iter()
        .map(|h| h.to_string())
        .chain(needs.iter().map(|n| format!("besoin: {n}")))
        .chain(nodes.iter().map(|n| format!("abandon: {n}")));
    out.write_record(header).expect("writing to a Vec cannot fail");
    let mut write = |name: String, start: String, line: String, c: &Counts| {
        let mut row = vec![name, start, line];
        row.extend(
            [
                c.calls,
                c.sms,
                c.answered,
                c.informed,
                c.messages_left,
                c.callbacks_requested,
                c.abandoned,
                c.missed,
            ]
            .map(|n| n.to_string()),
        );
        row.push(c.answer_rate.map(|r| format!("{:.1}", r * 100.0)).unwrap_or_default());
        row.push(c.wait_avg_secs.map(|w| format!("{w:.1}")).unwrap_or_default());
        row.push(c.wait_p90_secs.map(|w| w.to_string()).unwrap_or_default());
        row.extend([c.callbacks, c.callbacks_within_target, c.callbacks_late, c.urgent].map(|n| n.to_string()));
        row.extend(needs.iter().map(|n| c.needs.get(*n).copied().unwrap_or(0).to_string()));
        row.extend(
            nodes
                .iter()
                .map(|n| c.abandoned_by_node.get(*n).copied().unwrap_or(0).to_string()),
        );
        out.write_record(&row).expect("writing to a Vec cannot fail");
    };
    for (i, start) in fig.buckets.iter().enumerate() {
        for series in &fig.series {
            write(
                fig.period.bucket_name(*start),
                start.to_string(),
                fig.line_name(series.line.as_deref()),
                &series.counts[i],
            );
        }
    }
    write(
        "total".to_owned(),
        fig.buckets.first().map(|d| d.to_string()).unwrap_or_default(),
        "toutes les lignes".to_owned(),
        &fig.total,
    );
    let bytes = out.into_inner().expect("writing to a Vec cannot fail");
    String::from_utf8(bytes).expect("every field is a String")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{call, paris};
    use super::super::{compute, ContactFact, Period};
    use super::*;
    use chrono::Duration;
    use chrono_tz::Europe::Paris;

    fn parsed(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        (headers, rows)
    }

    #[test]
    fn export_reads_back_with_a_row_per_bucket_and_a_total() {
        let answered = |d, wait| ContactFact {
            wait_secs: Some(wait),
            need: Some("sommeil".into()),
            ..call(paris(2026, 3, d, 10, 0), Some("answered"))
        };
        let abandoned = ContactFact {
            abandoned_at: Some("menu, \"besoin\"".into()),
            ..call(paris(2026, 3, 31, 11, 0), Some("abandoned"))
        };
        let facts = [answered(29, 30), answered(31, 60), abandoned];
        let now = paris(2026, 4, 1, 0, 0);
        let text = to_csv(&compute(&facts, Period::Day, Paris, Duration::hours(2), false, now));
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("\"abandon: menu, \"\"besoin\"\"\""), "{text}");

        let (headers, rows) = parsed(&text);
        assert_eq!(headers[..HEADERS.len()], HEADERS);
        assert_eq!(
            headers[HEADERS.len()..],
            ["besoin: sommeil", "abandon: menu, \"besoin\""]
        );
        assert_eq!(rows.len(), 4);
        let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let last = &rows[2];
        assert_eq!(last[..3], ["mardi 31 mars 2026", "2026-03-31", "toutes les lignes"]);
        assert_eq!(last[column("appels")], "2");
        assert_eq!(last[column("taux de décroché (%)")], "50.0");
        assert_eq!(last[column("attente moyenne (s)")], "60.0");
        assert_eq!(last[column("abandon: menu, \"besoin\"")], "1");
        assert_eq!(rows[1][column("appels")], "0");
        assert_eq!(rows[1][column("attente p90 (s)")], "");
        let total = &rows[3];
        assert_eq!(total[..3], ["total", "2026-03-29", "toutes les lignes"]);
        assert_eq!(total[column("appels")], "3");
        assert_eq!(total[column("décrochés")], "2");
        assert_eq!(total[column("taux de décroché (%)")], "66.7");
        assert_eq!(total[column("attente moyenne (s)")], "45.0");
        assert_eq!(total[column("attente p90 (s)")], "60");
        assert_eq!(total[column("besoin: sommeil")], "2");
    }
}
