//! `/figures` (supervisors): calls, SMS, answered, missed, messages left,
//! abandons (and where in the menu), waits (average and 90th percentile),
//! callbacks within the target delay, needs, per day, week or month and per
//! line, with SVG charts drawn here; `/figures.csv` exports the same figures,
//! which hold nothing personal (the one a funder receives).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use super::access::{self, Role, Viewer};
use super::today::need_label;
use super::{render, view, PageError};
use crate::figures::range::{check, FiguresForm};
use crate::figures::{self, Counts, Figures, LineSeries, Period, Series};
use crate::http::AppState;
use crate::routing::directory::FieldError;
use crate::routing::hours::day_start;

#[derive(Template)]
#[template(path = "figures.html")]
struct FiguresPage {
    chrome: view::Chrome,
    form: FiguresForm,
    errors: Vec<FieldError>,
    periods: Vec<(&'static str, &'static str)>,
    /// Empty when the form is wrong.
    totals: Vec<(String, String)>,
    charts: Vec<String>,
    table: Vec<TableRow>,
    show_line: bool,
    abandons: Vec<(String, u32)>,
    needs: Vec<(String, u32)>,
    csv_href: String,
    range: String,
}

impl FiguresPage {
    fn error(&self, field: &str) -> Option<&str> {
        view::field_error(&self.errors, field)
    }
}

struct TableRow {
    bucket: String,
    line: String,
    calls: u32,
    answered: u32,
    missed: u32,
    messages_left: u32,
    abandoned: u32,
    rate: String,
    wait: String,
    callbacks: String,
    sms: u32,
    urgent: u32,
}

pub(super) async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(form): Query<FiguresForm>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    let settings = state.settings();
    let tz = settings.timezone;
    let now = state.now();
    let range = check(&form, now.with_timezone(&tz).date_naive());
    let mut page = FiguresPage {
        chrome: view::Chrome::for_viewer(&viewer, "Chiffres", "/figures"),
        errors: Vec::new(),
        periods: vec![("jour", "Par jour"), ("semaine", "Par semaine"), ("mois", "Par mois")],
        totals: Vec::new(),
        charts: Vec::new(),
        table: Vec::new(),
        show_line: false,
        abandons: Vec::new(),
        needs: Vec::new(),
        csv_href: String::new(),
        range: String::new(),
        form,
    };
    let range = match range {
        Ok(r) => r,
        Err(errors) => {
            page.errors = errors;
            let html = render(&page)?;
            return Ok((StatusCode::BAD_REQUEST, html).into_response());
        }
    };
    // One reading of the contacts; the charts show all lines together, the table each line if asked.
    let facts = figures::range::facts(state.store().as_ref(), settings, &range).await?;
    let all = figures::range::of(&facts, settings, &range, false, now);
    let by_line = if range.split {
        figures::range::of(&facts, settings, &range, true, now)
    } else {
        all.clone()
    };

    let kb = state.scripts().knowledge_base();
    let line_name = |line: Option<&str>| match line {
        None if range.split => "ligne inconnue".to_owned(),
        None => "toutes".to_owned(),
        Some(n) => settings
            .lines
            .iter()
            .find(|l| l.number == n)
            .and_then(|l| l.name.clone())
            .unwrap_or_else(|| n.to_owned()),
    };
    page.totals = totals(&all.total);
    page.charts = charts(&all, range.period);
    page.show_line = range.split;
    page.table = by_line
        .series
        .iter()
        .flat_map(|s| {
            let line = line_name(s.line.as_deref());
            by_line
                .buckets
                .iter()
                .zip(&s.counts)
                .map(move |(b, c)| table_row(range.period.bucket_label(*b), line.clone(), c))
        })
        .chain([table_row("Total".into(), String::new(), &all.total)])
        .collect();
    page.abandons = sorted(&all.total.abandoned_by_node, |n| n.to_owned());
    page.needs = sorted(&all.total.needs, |n| need_label(kb.as_deref(), Some(n)));
    page.csv_href = format!("/figures.csv?{}", query_string(&page.form));
    page.range = format!(
        "du {} au {}, {}",
        view::day(tz, day_start(tz, range.from)),
        view::day(tz, day_start(tz, range.to)),
        range.period.label()
    );
    render(&page)
}

pub(super) async fn export(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(form): Query<FiguresForm>,
) -> Result<Response, PageError> {
    viewer.require(Role::Supervisor)?;
    let tz = state.settings().timezone;
    let range = check(&form, state.now().with_timezone(&tz).date_naive())
        .map_err(|e| PageError::BadRequest(crate::routing::directory::describe(&e)))?;
    let fig = figures::range::figures(state.store().as_ref(), state.settings(), &range, state.now()).await?;
    access::log(
        state.store().as_ref(),
        &viewer.user,
        state.now(),
        "export-figures",
        None,
        Some(format!("{} to {}, {}", range.from, range.to, range.period.label())),
    )
    .await;
    let filename = format!("chiffres-{}-{}.csv", range.from, range.to);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        figures::to_csv(&fig),
    )
        .into_response())
}

fn query_string(form: &FiguresForm) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("period", &form.period),
        ("from", &form.from),
        ("to", &form.to),
        ("split", &form.split),
    ] {
        if !v.trim().is_empty() {
            q.append_pair(k, v.trim());
        }
    }
    q.finish()
}

fn percent(rate: Option<f64>) -> String {
    rate.map_or_else(|| "—".to_owned(), |r| format!("{:.0} %", r * 100.0))
}

fn seconds(s: Option<f64>) -> String {
    match s {
        None => "—".to_owned(),
        Some(s) if s < 60.0 => format!("{s:.0} s"),
        Some(s) => format!("{} min {:02} s", (s / 60.0) as i64, (s % 60.0) as i64),
    }
}

fn totals(t: &Counts) -> Vec<(String, String)> {
    vec![
        ("appels".into(), t.calls.to_string()),
        ("décrochés".into(), t.answered.to_string()),
        ("manqués".into(), t.missed.to_string()),
        ("taux de décroché".into(), percent(t.answer_rate)),
        ("messages laissés".into(), t.messages_left.to_string()),
        ("abandons".into(), t.abandoned.to_string()),
        ("attente moyenne".into(), seconds(t.wait_avg_secs)),
        (
            "attente (90 % en moins de)".into(),
            seconds(t.wait_p90_secs.map(|s| s as f64)),
        ),
        (
            "rappels dans le délai".into(),
            format!("{} sur {}", t.callbacks_within_target, t.callbacks),
        ),
        ("conversations SMS".into(), t.sms.to_string()),
        ("urgents".into(), t.urgent.to_string()),
    ]
}

fn table_row(bucket: String, line: String, c: &Counts) -> TableRow {
    TableRow {
        bucket,
        line,
        calls: c.calls,
        answered: c.answered,
        missed: c.missed,
        messages_left: c.messages_left,
        abandoned: c.abandoned,
        rate: percent(c.answer_rate),
        wait: format!(
            "{} / {}",
            seconds(c.wait_avg_secs),
            seconds(c.wait_p90_secs.map(|s| s as f64))
        ),
        callbacks: if c.callbacks == 0 {
            "—".into()
        } else {
            format!("{} / {}", c.callbacks_within_target, c.callbacks)
        },
        sms: c.sms,
        urgent: c.urgent,
    }
}

/// Most frequent first.
fn sorted(map: &std::collections::BTreeMap<String, u32>, label: impl Fn(&str) -> String) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = map.iter().map(|(k, n)| (label(k), *n)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

fn charts(fig: &Figures, period: Period) -> Vec<String> {
    let labels = fig.labels();
    let Some(all) = fig.series.first() else {
        return Vec::new();
    };
    let values = |f: fn(&Counts) -> f64| all.counts.iter().map(f).collect::<Vec<f64>>();
    let per = period.label();
    vec![
        figures::bar_chart(
            &format!("Contacts {per}"),
            &labels,
            &[
                Series {
                    name: "Appels décrochés".into(),
                    values: values(|c| f64::from(c.answered)),
                    class: "s-answered".into(),
                },
                Series {
                    name: "Appels manqués".into(),
                    values: values(|c| f64::from(c.missed)),
                    class: "s-missed".into(),
                },
                Series {
                    name: "Conversations SMS".into(),
                    values: values(|c| f64::from(c.sms)),
                    class: "s-sms".into(),
                },
            ],
            "contacts",
        ),
        figures::line_chart(
            &format!("Attente avant décroché {per}"),
            &labels,
            &[
                LineSeries {
                    name: "Moyenne".into(),
                    values: all.counts.iter().map(|c| c.wait_avg_secs).collect(),
                    class: "s-wait".into(),
                },
                LineSeries {
                    name: "90 % des appels en moins de".into(),
                    values: all.counts.iter().map(|c| c.wait_p90_secs.map(|s| s as f64)).collect(),
                    class: "s-p90".into(),
                },
            ],
            "s",
        ),
        figures::bar_chart(
            &format!("Rappels {per}"),
            &labels,
            &[
                Series {
                    name: "Dans le délai".into(),
                    values: values(|c| f64::from(c.callbacks_within_target)),
                    class: "s-ontime".into(),
                },
                Series {
                    name: "En retard".into(),
                    values: values(|c| f64::from(c.callbacks_late)),
                    class: "s-late".into(),
                },
            ],
            "rappels",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_in_minutes_and_seconds() {
        assert_eq!(seconds(Some(42.4)), "42 s");
        assert_eq!(seconds(Some(95.0)), "1 min 35 s");
        assert_eq!(seconds(None), "—");
        assert_eq!(percent(Some(0.874)), "87 %");
    }
}
