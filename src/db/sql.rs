//! The SQL both backends share, written once.
//!
//! `$n` placeholders, `RETURNING` and `ON CONFLICT … DO NOTHING/UPDATE` behave the
//! same in SQLite (3.35+) and PostgreSQL, so one body serves both; the macro only
//! changes the pool type. Dialect differences belong in the migrations.

/// Implements `Store` for a struct with a `pool` field of a sqlx pool type.
macro_rules! sql_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::db::Store for $store {
            async fn ping(&self) -> $crate::db::StoreResult<()> {
                sqlx::query("select 1").execute(&self.pool).await?;
                Ok(())
            }

            async fn stored_reply(&self, keys: &[String]) -> $crate::db::StoreResult<Option<String>> {
                for key in keys {
                    let body: Option<(String,)> = sqlx::query_as("select body from webhook_reply where reply_key = $1").bind(key).fetch_optional(&self.pool).await?;
                    if let Some((body,)) = body {
                        return Ok(Some(body));
                    }
                }
                Ok(None)
            }

            async fn open_call(&self, call: &$crate::db::NewCall) -> $crate::db::StoreResult<$crate::db::CallRecord> {
                if let Some(found) = self.find_call(&call.call_sid).await? {
                    return Ok(found);
                }
                let mut tx = self.pool.begin().await?;
                let (contact_id,): (i64,) = sqlx::query_as(
                    "insert into contact (channel, line_number, caller_number, started_at, created_at) values ('voice', $1, $2, $3, $3) returning contact_id",
                )
                .bind(&call.line_number)
                .bind(&call.caller_number)
                .bind(call.at)
                .fetch_one(&mut *tx)
                .await?;
                let position = serde_json::to_string(&$crate::ivr::engine::Position::default()).expect("a position serialises");
                let inserted = sqlx::query(
                    "insert into call (call_sid, contact_id, script, position, step, status, status_rank, updated_at) values ($1, $2, $3, $4, -1, $5, $6, $7) on conflict (call_sid) do nothing",
                )
                .bind(&call.call_sid)
                .bind(contact_id)
                .bind(&call.script)
                .bind(position)
                .bind(&call.status)
                .bind($crate::db::call_status_rank(&call.status))
                .bind(call.at)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if inserted == 0 {
                    // Another instance opened it first: keep theirs.
                    tx.rollback().await?;
                } else {
                    tx.commit().await?;
                }
                self.find_call(&call.call_sid).await?.ok_or($crate::db::StoreError::NotFound)
            }

            async fn find_call(&self, call_sid: &str) -> $crate::db::StoreResult<Option<$crate::db::CallRecord>> {
                let row: Option<(String, i64, String, String, i64, String, Option<String>, Option<String>)> = sqlx::query_as(
                    "select k.call_sid, k.contact_id, k.script, k.position, k.step, k.status, c.caller_number, c.line_number \
                     from call k join contact c on c.contact_id = k.contact_id where k.call_sid = $1",
                )
                .bind(call_sid)
                .fetch_optional(&self.pool)
                .await?;
                row.map(|(call_sid, contact_id, script, position, step, status, caller_number, line_number)| {
                    let position = serde_json::from_str(&position).map_err(|e| $crate::db::StoreError::Corrupt(format!("call position: {e}")))?;
                    Ok($crate::db::CallRecord { call_sid, contact_id, script, position, step, status, caller_number, line_number })
                })
                .transpose()
            }

            async fn commit_step(&self, c: &$crate::db::StepCommit) -> $crate::db::StoreResult<String> {
                let mut tx = self.pool.begin().await?;
                let mut keys = c.reply_keys.iter();
                let first = keys.next().expect("a step has its own key");
                let claimed = sqlx::query("insert into webhook_reply (reply_key, body, created_at) values ($1, $2, $3) on conflict (reply_key) do nothing")
                    .bind(first)
                    .bind(&c.reply)
                    .bind(c.at)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if claimed == 0 {
                    // A retry of this very step was answered meanwhile: give the same answer.
                    tx.rollback().await?;
                    return self.stored_reply(std::slice::from_ref(first)).await?.ok_or($crate::db::StoreError::NotFound);
                }
                for key in keys {
                    sqlx::query("insert into webhook_reply (reply_key, body, created_at) values ($1, $2, $3) on conflict (reply_key) do nothing")
                        .bind(key)
                        .bind(&c.reply)
                        .bind(c.at)
                        .execute(&mut *tx)
                        .await?;
                }
                let position = serde_json::to_string(&c.position).expect("a position serialises");
                sqlx::query("update call set position = $1, step = $2, updated_at = $3 where call_sid = $4")
                    .bind(position)
                    .bind(c.step)
                    .bind(c.at)
                    .bind(&c.call_sid)
                    .execute(&mut *tx)
                    .await?;
                for e in &c.events {
                    sqlx::query("insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, $3, $4, $5, $6) on conflict (dedupe_key) do nothing")
                        .bind(c.contact_id)
                        .bind(e.at)
                        .bind(&e.kind)
                        .bind(&e.node)
                        .bind(e.detail.to_string())
                        .bind(&e.dedupe_key)
                        .execute(&mut *tx)
                        .await?;
                }
                if let Some(o) = &c.outcome {
                    sqlx::query("update contact set outcome = $1, outcome_rank = $2, outcome_detail = $3 where contact_id = $4 and (outcome is null or outcome_rank < $2)")
                        .bind(&o.outcome)
                        .bind(o.rank)
                        .bind(&o.detail)
                        .bind(c.contact_id)
                        .execute(&mut *tx)
                        .await?;
                }
                if let Some(need) = &c.need {
                    sqlx::query("update contact set need = $1 where contact_id = $2").bind(need).bind(c.contact_id).execute(&mut *tx).await?;
                }
                for a in &c.attempts {
                    sqlx::query(
                        "insert into transfer_attempt (contact_id, call_sid, seq, node, role, staff_id, staff_name, strategy, ring_secs, whisper, started_at, outcome) \
                         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'ringing') on conflict (call_sid, seq) do nothing",
                    )
                    .bind(c.contact_id).bind(&c.call_sid).bind(a.seq).bind(&a.node).bind(&a.role).bind(a.staff_id).bind(&a.staff_name)
                    .bind(&a.strategy).bind(a.ring_secs).bind(&a.whisper).bind(c.at)
                    .execute(&mut *tx).await?;
                }
                for (seq, outcome) in &c.attempt_ends {
                    let ended = sqlx::query("update transfer_attempt set outcome = $1, ended_at = $2 where call_sid = $3 and seq = $4 and outcome = 'ringing'")
                        .bind(outcome).bind(c.at).bind(&c.call_sid).bind(seq)
                        .execute(&mut *tx).await?.rows_affected();
                    if ended > 0 && outcome == "accepted" {
                        sqlx::query(
                            "insert into contact_staff (contact_id, staff_id, started_at) select t.contact_id, t.staff_id, k.started_at \
                             from transfer_attempt t join contact k on k.contact_id = t.contact_id \
                             where t.call_sid = $1 and t.seq = $2 and t.staff_id is not null on conflict do nothing",
                        )
                        .bind(&c.call_sid).bind(seq)
                        .execute(&mut *tx).await?;
                    }
                }
                if let Some(f) = &c.follow_up {
                    sqlx::query(
                        "insert into follow_up (contact_id, reason, need, state, due_at, attempts, created_at, updated_at) \
                         select contact_id, $2, need, 'new', $3, 0, $4, $4 from contact where contact_id = $1 \
                         on conflict (contact_id) do update set reason = excluded.reason, need = coalesce(excluded.need, follow_up.need), updated_at = excluded.updated_at \
                         where follow_up.state <> 'closed'",
                    )
                    .bind(c.contact_id).bind(&f.reason).bind(f.due_at).bind(c.at)
                    .execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok(c.reply.clone())
            }

            async fn record_call_status(&self, u: &$crate::db::CallStatusUpdate) -> $crate::db::StoreResult<()> {
                let rank = $crate::db::call_status_rank(&u.status);
                let mut tx = self.pool.begin().await?;
                let contact: Option<(i64,)> = sqlx::query_as("select contact_id from call where call_sid = $1").bind(&u.call_sid).fetch_optional(&mut *tx).await?;
                let Some((contact_id,)) = contact else {
                    return Err($crate::db::StoreError::NotFound);
                };
                let moved = sqlx::query("update call set status = $1, status_rank = $2, duration_secs = coalesce($3, duration_secs), updated_at = $4 where call_sid = $5 and status_rank < $2")
                    .bind(&u.status)
                    .bind(rank)
                    .bind(u.duration_secs)
                    .bind(u.at)
                    .bind(&u.call_sid)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                sqlx::query("insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, 'call-status', null, $3, $4) on conflict (dedupe_key) do nothing")
                    .bind(contact_id)
                    .bind(u.at)
                    .bind(serde_json::json!({ "status": u.status, "duration_secs": u.duration_secs, "applied": moved > 0 }).to_string())
                    .bind(format!("status:{}:{}", u.call_sid, u.status))
                    .execute(&mut *tx)
                    .await?;
                if moved > 0 && $crate::db::is_final_status(&u.status) {
                    sqlx::query("update contact set ended_at = $1 where contact_id = $2").bind(u.at).bind(contact_id).execute(&mut *tx).await?;
                    sqlx::query("update contact set outcome = 'abandoned', outcome_rank = 0, outcome_detail = $1 where contact_id = $2 and outcome is null")
                        .bind(&u.abandoned_at)
                        .bind(contact_id)
                        .execute(&mut *tx)
                        .await?;
                    // No caller is lost: whoever hung up without reaching anyone, with a
                    // number to call back, is someone to call back.
                    sqlx::query(
                        "insert into follow_up (contact_id, reason, need, state, due_at, attempts, created_at, updated_at) \
                         select contact_id, outcome, need, 'new', $2, 0, $3, $3 from contact \
                         where contact_id = $1 and caller_number is not null and outcome in ('abandoned', 'missed') \
                         on conflict (contact_id) do nothing",
                    )
                    .bind(contact_id)
                    .bind(u.follow_up_due_at)
                    .bind(u.at)
                    .execute(&mut *tx)
                    .await?;
                    // A professional still ringing when the caller is gone is not a pending attempt.
                    sqlx::query("update transfer_attempt set outcome = 'canceled', ended_at = $1 where call_sid = $2 and outcome = 'ringing'")
                        .bind(u.at)
                        .bind(&u.call_sid)
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            /// A final recording status (completed, absent, failed) is never replaced:
            /// a retried `<Record>` action must not move a finished recording back.
            async fn record_recording(&self, r: &$crate::db::RecordingUpdate) -> $crate::db::StoreResult<()> {
                let mut tx = self.pool.begin().await?;
                let contact: Option<(i64,)> = sqlx::query_as("select contact_id from call where call_sid = $1").bind(&r.call_sid).fetch_optional(&mut *tx).await?;
                let Some((contact_id,)) = contact else {
                    return Err($crate::db::StoreError::NotFound);
                };
                sqlx::query(
                    "insert into recording (recording_sid, contact_id, url, duration_secs, status, created_at) values ($1, $2, $3, $4, $5, $6) \
                     on conflict (recording_sid) do update set url = coalesce(excluded.url, recording.url), \
                     duration_secs = coalesce(excluded.duration_secs, recording.duration_secs), \
                     status = case when recording.status in ('completed', 'absent', 'failed') then recording.status else excluded.status end",
                )
                .bind(&r.recording_sid)
                .bind(contact_id)
                .bind(&r.url)
                .bind(r.duration_secs)
                .bind(&r.status)
                .bind(r.at)
                .execute(&mut *tx)
                .await?;
                sqlx::query("insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, 'recording', null, $3, $4) on conflict (dedupe_key) do nothing")
                    .bind(contact_id)
                    .bind(r.at)
                    .bind(serde_json::json!({ "recording_sid": r.recording_sid, "status": r.status, "duration_secs": r.duration_secs }).to_string())
                    .bind(format!("recording:{}:{}", r.recording_sid, r.status))
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn contact(&self, contact_id: i64) -> $crate::db::StoreResult<Option<$crate::db::Contact>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::CONTACT_SELECT!(), " where c.contact_id = $1")).bind(contact_id).fetch_optional(&self.pool).await?)
            }

            async fn contact_for_call(&self, call_sid: &str) -> $crate::db::StoreResult<Option<$crate::db::Contact>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::CONTACT_SELECT!(), " where k.call_sid = $1")).bind(call_sid).fetch_optional(&self.pool).await?)
            }

            async fn timeline(&self, contact_id: i64) -> $crate::db::StoreResult<Vec<$crate::db::TimelineEntry>> {
                Ok(sqlx::query_as("select event_id, at, kind, node, detail from contact_event where contact_id = $1 order by event_id").bind(contact_id).fetch_all(&self.pool).await?)
            }

            async fn recordings(&self, contact_id: i64) -> $crate::db::StoreResult<Vec<$crate::db::Recording>> {
                Ok(sqlx::query_as("select recording_sid, url, duration_secs, status from recording where contact_id = $1 order by created_at").bind(contact_id).fetch_all(&self.pool).await?)
            }

            async fn attempt(&self, call_sid: &str, seq: i64) -> $crate::db::StoreResult<Option<$crate::db::Attempt>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::ATTEMPT_SELECT!(), " where call_sid = $1 and seq = $2")).bind(call_sid).bind(seq).fetch_optional(&self.pool).await?)
            }

            async fn attempts(&self, contact_id: i64) -> $crate::db::StoreResult<Vec<$crate::db::Attempt>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::ATTEMPT_SELECT!(), " where contact_id = $1 order by seq")).bind(contact_id).fetch_all(&self.pool).await?)
            }

            async fn attempt_answered(&self, call_sid: &str, seq: i64, leg_sid: &str, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                sqlx::query("update transfer_attempt set leg_sid = case when leg_sid is null or leg_sid = 'placing' then $1 else leg_sid end, answered_at = coalesce(answered_at, $2) where call_sid = $3 and seq = $4")
                    .bind(leg_sid).bind(at).bind(call_sid).bind(seq).execute(&self.pool).await?;
                Ok(())
            }

            async fn screen_attempt(&self, call_sid: &str, seq: i64, screen: &str) -> $crate::db::StoreResult<bool> {
                let n = sqlx::query(
                    "update transfer_attempt set screen = $1 where call_sid = $2 and seq = $3 and screen is null and outcome = 'ringing' \
                     and ($1 <> 'accepted' or not exists (select 1 from transfer_attempt o where o.call_sid = $2 and o.screen = 'accepted'))",
                )
                .bind(screen).bind(call_sid).bind(seq).execute(&self.pool).await?.rows_affected();
                Ok(n > 0)
            }

            async fn call_attempts(&self, call_sid: &str) -> $crate::db::StoreResult<Vec<$crate::db::Attempt>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::ATTEMPT_SELECT!(), " where call_sid = $1 order by seq")).bind(call_sid).fetch_all(&self.pool).await?)
            }

            async fn claim_attempt_leg(&self, call_sid: &str, seq: i64) -> $crate::db::StoreResult<bool> {
                let n = sqlx::query("update transfer_attempt set leg_sid = 'placing' where call_sid = $1 and seq = $2 and leg_sid is null and outcome = 'ringing'")
                    .bind(call_sid).bind(seq).execute(&self.pool).await?.rows_affected();
                Ok(n > 0)
            }

            async fn set_attempt_leg(&self, call_sid: &str, seq: i64, leg_sid: Option<&str>, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                match leg_sid {
                    Some(leg) => {
                        sqlx::query("update transfer_attempt set leg_sid = $1 where call_sid = $2 and seq = $3 and (leg_sid is null or leg_sid = 'placing')")
                            .bind(leg).bind(call_sid).bind(seq).execute(&self.pool).await?;
                    }
                    None => {
                        sqlx::query("update transfer_attempt set leg_sid = null, outcome = 'failed', ended_at = $1 where call_sid = $2 and seq = $3 and outcome = 'ringing'")
                            .bind(at).bind(call_sid).bind(seq).execute(&self.pool).await?;
                    }
                }
                Ok(())
            }

            async fn record_leg_status(&self, call_sid: &str, seq: i64, status: &str, duration_secs: Option<i64>, at: chrono::DateTime<chrono::Utc>) -> $crate::db::StoreResult<()> {
                if $crate::db::is_final_status(status) {
                    // A leg placed through the API ends its attempt itself (no <Dial> action
                    // reports it): unless its professional accepted, it was not answered.
                    sqlx::query(
                        "update transfer_attempt set ended_at = $1, outcome = case when screen = 'refused' then 'refused' when $2 = 'busy' then 'busy' when $2 = 'failed' then 'failed' else 'no-answer' end \
                         where call_sid = $3 and seq = $4 and strategy = 'simultaneous' and outcome = 'ringing' and (screen is null or screen <> 'accepted')",
                    )
                    .bind(at).bind(status).bind(call_sid).bind(seq).execute(&self.pool).await?;
                }
                let row: Option<(i64, String)> = sqlx::query_as("select contact_id, staff_name from transfer_attempt where call_sid = $1 and seq = $2").bind(call_sid).bind(seq).fetch_optional(&self.pool).await?;
                let Some((contact_id, staff)) = row else {
                    return Err($crate::db::StoreError::NotFound);
                };
                sqlx::query("insert into contact_event (contact_id, at, kind, node, detail, dedupe_key) values ($1, $2, 'transfer-leg', null, $3, $4) on conflict (dedupe_key) do nothing")
                    .bind(contact_id)
                    .bind(at)
                    .bind(serde_json::json!({ "attempt": seq, "staff": staff, "status": status, "duration_secs": duration_secs }).to_string())
                    .bind(format!("leg:{call_sid}:{seq}:{status}"))
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn follow_up_for_contact(&self, contact_id: i64) -> $crate::db::StoreResult<Option<$crate::db::FollowUp>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::FOLLOW_UP_SELECT!(), " where contact_id = $1")).bind(contact_id).fetch_optional(&self.pool).await?)
            }

            async fn open_follow_ups(&self, limit: i64) -> $crate::db::StoreResult<Vec<$crate::db::FollowUp>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::FOLLOW_UP_SELECT!(), " where state <> 'closed' order by urgent desc, due_at, follow_up_id limit $1")).bind(limit).fetch_all(&self.pool).await?)
            }

            async fn recent_contacts(&self, limit: i64) -> $crate::db::StoreResult<Vec<$crate::db::Contact>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::CONTACT_SELECT!(), " order by c.started_at desc, c.contact_id desc limit $1")).bind(limit).fetch_all(&self.pool).await?)
            }

            async fn contacts_started_between(
                &self,
                from: chrono::DateTime<chrono::Utc>,
                to: chrono::DateTime<chrono::Utc>,
                limit: i64,
            ) -> $crate::db::StoreResult<Vec<$crate::db::Contact>> {
                Ok(sqlx::query_as(concat!($crate::db::sql::CONTACT_SELECT!(), " where c.started_at >= $1 and c.started_at < $2 order by c.started_at desc, c.contact_id desc limit $3"))
                    .bind(from)
                    .bind(to)
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?)
            }
        }
    };
}

/// The columns of [`crate::db::Contact`], joined with the call when there is one.
macro_rules! CONTACT_SELECT {
    () => {
        "select c.contact_id, c.channel, c.line_number, c.caller_number, c.started_at, c.ended_at, c.outcome, c.outcome_detail, c.need, \
         k.status, k.duration_secs from contact c left join call k on k.contact_id = c.contact_id"
    };
}

/// Records that professional `$2` handled contact `$1` (the contacts list's "professional" filter).
macro_rules! CONTACT_STAFF_INSERT {
    () => {
        "insert into contact_staff (contact_id, staff_id, started_at) select contact_id, $2, started_at from contact where contact_id = $1 on conflict do nothing"
    };
}

/// The columns of [`crate::db::Attempt`].
macro_rules! ATTEMPT_SELECT {
    () => {
        "select contact_id, call_sid, seq, node, role, staff_id, staff_name, strategy, ring_secs, whisper, leg_sid, started_at, answered_at, ended_at, outcome, screen from transfer_attempt"
    };
}

/// The columns of [`crate::db::FollowUp`].
macro_rules! FOLLOW_UP_SELECT {
    () => {
        "select follow_up_id, contact_id, reason, need, state, outcome, due_at, attempts, last_attempt_at, last_attempt_outcome, created_at, urgent, assigned_staff_id from follow_up"
    };
}

pub(crate) use sql_store;
pub(crate) use ATTEMPT_SELECT;
pub(crate) use CONTACT_SELECT;
pub(crate) use CONTACT_STAFF_INSERT;
pub(crate) use FOLLOW_UP_SELECT;
