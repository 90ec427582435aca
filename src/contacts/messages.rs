//! SMS conversations: an inbound message is stored, read by the bot
//! ([`crate::sms::bot`]), and everything it decided (the reply, a follow-up, an
//! alert to the professional on duty, an opt-out) is stored in one transaction
//! before the reply leaves in the webhook's answer.

use chrono::{DateTime, Utc};

use crate::config::Settings;
use crate::db::messages::{InboundSms, NewReply, SmsCommit, SmsStatusUpdate};
use crate::db::outbox::NewOutbound;
use crate::db::{Store, StoreError};
use crate::routing::hours::spoken_reopening;
use crate::routing::schedule::{Roster, StaffMember};
use crate::sms::bot::{self, Conversation, Decision, Inbound};
use crate::sms::encoding;
use crate::sms::kb::{KnowledgeBase, Vars};
use crate::sms::safety::SafetyCategory;
use crate::telephony::twiml;

/// An inbound message as the handler parsed it.
#[derive(Debug, Clone)]
pub struct SmsRequest {
    pub message_sid: String,
    pub from: String,
    pub to: String,
    pub body: String,
    pub num_media: i64,
    /// Where the provider reached us: status callback URLs are built on it.
    pub base_url: String,
    pub now: DateTime<Utc>,
}

/// Stores the message, decides, stores the decision; returns the TwiML answer.
pub async fn receive(
    store: &dyn Store,
    settings: &Settings,
    kb: &KnowledgeBase,
    req: &SmsRequest,
) -> Result<String, StoreError> {
    let key = format!("sms:{}", req.message_sid);
    if let Some(answer) = store.stored_reply(std::slice::from_ref(&key)).await? {
        return Ok(answer);
    }
    let received = store
        .receive_sms(
            &InboundSms {
                provider_sid: req.message_sid.clone(),
                phone: req.from.clone(),
                line_number: req.to.clone(),
                body: req.body.clone(),
                num_media: req.num_media,
                at: req.now,
            },
            settings.sms.session_gap,
            settings.sms.flood_window,
        )
        .await?;
    let conv = Conversation {
        opted_out: received.opted_out,
        pending_choices: received.pending_choices.clone(),
        recent_inbound: usize::try_from(received.recent_inbound).unwrap_or(usize::MAX),
        flood_notice_sent: received.flood_notice_sent,
    };
    let vars = vars(settings, req.now);
    let mut decision = bot::decide(
        kb,
        &vars,
        settings.sms.flood_limit,
        &conv,
        Inbound {
            body: &req.body,
            num_media: u32::try_from(req.num_media).unwrap_or(u32::MAX),
        },
    );
    // A sender that is not a phone number (an alphanumeric sender, a withheld
    // one) cannot receive a reply; its message is still kept and read.
    if !crate::config::is_e164(&req.from) {
        decision.reply = None;
    }
    let roster = if decision.alert.is_some() {
        Some(store.roster(req.now).await?)
    } else {
        None
    };
    let commit = commit_for(settings, req, &received, &decision, roster.as_ref());
    store.commit_sms(&commit).await
}

fn commit_for(
    settings: &Settings,
    req: &SmsRequest,
    received: &crate::db::messages::Received,
    decision: &Decision,
    roster: Option<&Roster>,
) -> SmsCommit {
    let reply = decision.reply.as_ref().map(|body| {
        let count = encoding::count(body);
        NewReply {
            body: body.clone(),
            segments: count.segments as i64,
            encoding: count.encoding.as_str().to_owned(),
        }
    });
    let answer = match &reply {
        Some(r) => twiml::message_reply(&r.body, &status_url(&req.base_url, &req.message_sid)),
        None => twiml::empty(),
    };
    let mut events = vec![(
        "sms-read".to_owned(),
        serde_json::to_value(&decision.reading).expect("a reading serialises"),
    )];
    let mut outbox = Vec::new();
    if let (Some(category), Some(roster)) = (decision.alert, roster) {
        let (role, people) = alert_recipients(settings, roster, req.now);
        let text = alert_text(settings, category, received.contact_id);
        let count = encoding::count(&text);
        for person in &people {
            outbox.push(NewOutbound {
                to_number: person.phone.clone(),
                body: text.clone(),
                segments: count.segments as i64,
                encoding: count.encoding.as_str().to_owned(),
                purpose: "staff-alert".into(),
                to_parent: false,
                sms_message_id: None,
                contact_id: Some(received.contact_id),
            });
        }
        events.push((
            "safety-alert".to_owned(),
            serde_json::json!({
                "category": category.id(),
                "role": role,
                "staff": people.iter().map(|p| serde_json::json!({"id": p.id, "name": p.name})).collect::<Vec<_>>(),
            }),
        ));
        if people.is_empty() {
            tracing::warn!(
                contact_id = received.contact_id,
                category = category.id(),
                "safety message with nobody on duty to alert: the urgent follow-up waits"
            );
        }
    }
    let need = decision
        .reading
        .safety
        .map(str::to_owned)
        .or_else(|| decision.reading.topic.clone());
    SmsCommit {
        conversation_id: received.conversation_id,
        contact_id: received.contact_id,
        message_id: received.message_id,
        provider_sid: req.message_sid.clone(),
        answer,
        reply,
        analysis: serde_json::to_value(&decision.reading).expect("a reading serialises"),
        opt_out: decision.opt_out,
        choices: decision.choices.clone(),
        flood_notice: decision.flood_notice,
        outcome: decision.outcome.map(|o| (o.to_owned(), bot::outcome_rank(o))),
        need,
        follow_up: decision.follow_up.map(|(reason, urgent)| {
            let due = if urgent {
                req.now
            } else {
                req.now + settings.callback_delay
            };
            (reason.to_owned(), urgent, due)
        }),
        outbox,
        events,
        at: req.now,
    }
}

/// Who is alerted of a safety message: the people on duty for the first alert
/// role (or one of its backups) that has someone.
pub fn alert_recipients(settings: &Settings, roster: &Roster, at: DateTime<Utc>) -> (Option<String>, Vec<StaffMember>) {
    let cal = settings.calendar();
    for role in &settings.sms.alert_roles {
        let backups = settings.roles.get(role).map(|r| r.backups.clone()).unwrap_or_default();
        for candidate in std::iter::once(role.clone()).chain(backups) {
            let people: Vec<StaffMember> = roster
                .on_duty(&candidate, &cal, at)
                .people
                .iter()
                .filter_map(|id| roster.member(*id).cloned())
                .collect();
            if !people.is_empty() {
                return (Some(candidate), people);
            }
        }
    }
    (None, Vec::new())
}

/// The alert a professional reads: what kind of urgency and where to look, never the parent's words.
pub fn alert_text(settings: &Settings, category: SafetyCategory, contact_id: i64) -> String {
    let what = category.label();
    let base = crate::routing::service::base_url(settings);
    encoding::tidy(&format!(
        "{} : SMS urgent d'un parent ({what}). Les numéros d'urgence lui ont été donnés. Voir {base}/contacts/{contact_id} et rappeler au plus vite.",
        settings.helpline_name
    ))
}

/// The values of the knowledge base's placeholders, now.
pub fn vars(settings: &Settings, now: DateTime<Utc>) -> Vars {
    let numero_vert = settings
        .lines
        .first()
        .map_or_else(|| "le numéro vert".to_owned(), |l| french_number(&l.number));
    Vars {
        numero_vert,
        delai: callback_delay_phrase(settings, now),
    }
}

/// "dans les 4 heures" while the line is open long enough, else the reopening.
pub fn callback_delay_phrase(settings: &Settings, now: DateTime<Utc>) -> String {
    let delay = settings.callback_delay;
    let hours = &settings.hours;
    if hours.is_open(now) && hours.is_open(now + delay) {
        let minutes = delay.num_minutes();
        return if minutes % 60 == 0 && minutes >= 120 {
            format!("dans les {} heures", minutes / 60)
        } else if minutes == 60 {
            "dans l'heure".to_owned()
        } else {
            format!("dans les {minutes} minutes")
        };
    }
    if hours.is_open(now) {
        return "avant la fermeture de ce soir, ou dès la réouverture".to_owned();
    }
    match hours.next_opening(now) {
        Some(reopen) => format!(
            "dès la réouverture, {}",
            spoken_reopening(now.with_timezone(&hours.timezone()), reopen)
        ),
        None => "dès que possible".to_owned(),
    }
}

/// +33800123456 → "0 800 12 34 56"; +33123456789 → "01 23 45 67 89"; others as given.
pub fn french_number(e164: &str) -> String {
    let Some(national) = e164.strip_prefix("+33").filter(|n| n.len() == 9) else {
        return e164.to_owned();
    };
    let digits = format!("0{national}");
    if digits.starts_with("08") {
        format!(
            "{} {} {} {} {}",
            &digits[..1],
            &digits[1..4],
            &digits[4..6],
            &digits[6..8],
            &digits[8..]
        )
    } else {
        digits
            .as_bytes()
            .chunks(2)
            .map(|c| std::str::from_utf8(c).expect("ASCII digits"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Where the provider reports the delivery of a reply given in the webhook answer.
pub fn status_url(base: &str, inbound_sid: &str) -> String {
    format!(
        "{base}/twilio/sms/status?reply_to={}",
        url::form_urlencoded::byte_serialize(inbound_sid.as_bytes()).collect::<String>()
    )
}

/// A delivery status: on the conversation's message and on the outbox.
pub async fn record_status(store: &dyn Store, update: &SmsStatusUpdate) -> Result<bool, StoreError> {
    let in_conversation = store.record_sms_status(update).await?;
    let in_outbox = store
        .record_outbox_delivery(&update.provider_sid, &update.status, update.error_code, update.at)
        .await?;
    Ok(in_conversation || in_outbox)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_numbers_are_written_the_french_way() {
        assert_eq!(french_number("+33800123456"), "0 800 12 34 56");
        assert_eq!(french_number("+33199001234"), "01 99 00 12 34");
        assert_eq!(french_number("+590590123456"), "+590590123456");
    }
}
