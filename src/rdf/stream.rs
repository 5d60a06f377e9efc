//! Streaming query evaluation: the query runs on its own thread and hands
//! its solutions over in chunks through a bounded channel, so that the
//! first rows are written while later ones are still being computed, memory
//! stays bounded whatever the size of the result, and a time limit covers
//! the whole run (first row to last).
//!
//! Dropping a [`Rows`] stream (a reader that stopped, `--limit` reached)
//! cancels the evaluation: the thread stops at its next check.
//! CONSTRUCT and DESCRIBE results are sorted and deduplicated, so they are
//! collected in full before they are handed over.

use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::time::{Duration, Instant};

use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults,
};
use oxigraph::store::Store;

use super::query::ParsedQuery;
use crate::error::{KgError, Result};

/// One solution: a value (or none) per variable, in the variables' order.
pub type Row = Vec<Option<Term>>;

/// Solutions per message between the evaluator and the reader.
const CHUNK: usize = 256;
/// Messages that may wait in the channel: at most `CHUNK * QUEUE` rows are
/// held beyond what the reader has taken.
const QUEUE: usize = 8;

/// A query's result as it arrives.
pub enum Streamed {
    /// SELECT: the variables, then the rows as the evaluator finds them.
    Solutions { variables: Vec<String>, rows: Rows },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT and DESCRIBE: the triples, sorted and deduplicated.
    Graph(Vec<Triple>),
}

enum Head {
    Solutions(Vec<String>),
    Boolean(bool),
    Graph(Vec<Triple>),
}

enum Msg {
    Head(Head),
    Rows(Vec<Row>),
    Failed(QueryEvaluationError),
}

/// The solutions of a SELECT query, in the evaluator's order. Each item is
/// a row, or the error that ended the evaluation (the time limit included),
/// after which the stream ends.
pub struct Rows {
    rx: Receiver<Msg>,
    chunk: std::vec::IntoIter<Row>,
    deadline: Option<(Instant, Duration)>,
    token: CancellationToken,
    done: bool,
}

impl Iterator for Rows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        loop {
            if let Some(r) = self.chunk.next() {
                return Some(Ok(r));
            }
            if self.done {
                return None;
            }
            match recv(&self.rx, self.deadline, &self.token) {
                Ok(Some(Msg::Rows(rows))) => self.chunk = rows.into_iter(),
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Ok(Some(Msg::Failed(e))) => {
                    self.done = true;
                    return Some(Err(evaluation_error(e, self.deadline)));
                }
                Ok(Some(Msg::Head(_))) => {
                    self.done = true;
                    return Some(Err(KgError::Query("evaluator sent a second head".into())));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            }
        }
    }
}

impl Drop for Rows {
    fn drop(&mut self) {
        if !self.done {
            self.token.cancel();
        }
    }
}

/// Receives the next message before the deadline; `None` when the
/// evaluator has finished. Past the deadline the evaluation is cancelled.
fn recv(
    rx: &Receiver<Msg>,
    deadline: Option<(Instant, Duration)>,
    token: &CancellationToken,
) -> Result<Option<Msg>> {
    let Some((at, limit)) = deadline else {
        return Ok(rx.recv().ok());
    };
    match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
        Ok(m) => Ok(Some(m)),
        Err(RecvTimeoutError::Disconnected) => Ok(None),
        Err(RecvTimeoutError::Timeout) => {
            token.cancel();
            Err(stopped(limit))
        }
    }
}

fn stopped(limit: Duration) -> KgError {
    KgError::Query(format!(
        "the query was stopped after its time limit of {} s",
        limit.as_secs_f64()
    ))
}

fn evaluation_error(e: QueryEvaluationError, deadline: Option<(Instant, Duration)>) -> KgError {
    match (e, deadline) {
        (QueryEvaluationError::Cancelled, Some((_, limit))) => stopped(limit),
        (e, _) => KgError::Query(e.to_string()),
    }
}

/// Starts evaluating `query` on `store` and returns as soon as the kind of
/// result is known (for SELECT, before the first row). `timeout` limits the
/// whole evaluation, reading the rows included.
///
/// The evaluator thread holds at most a few thousand rows that the reader
/// has not taken yet; when the reader stops, the thread stops too.
pub fn start(store: &Store, query: ParsedQuery, timeout: Option<Duration>) -> Result<Streamed> {
    let (prepared, token) = query.into_parts();
    let deadline = timeout.map(|t| (Instant::now() + t, t));
    let (tx, rx) = sync_channel(QUEUE);
    let store = store.clone();
    std::thread::spawn(move || evaluate_into(&store, prepared, &tx));
    let head = match recv(&rx, deadline, &token)? {
        Some(Msg::Head(h)) => h,
        Some(Msg::Failed(e)) => return Err(evaluation_error(e, deadline)),
        Some(Msg::Rows(_)) | None => {
            return Err(KgError::Query("the evaluator stopped unexpectedly".into()));
        }
    };
    Ok(match head {
        Head::Boolean(b) => Streamed::Boolean(b),
        Head::Graph(t) => Streamed::Graph(t),
        Head::Solutions(variables) => Streamed::Solutions {
            variables,
            rows: Rows {
                rx,
                chunk: Vec::new().into_iter(),
                deadline,
                token,
                done: false,
            },
        },
    })
}

/// The evaluator thread: sends the head, then chunks of rows. A failed send
/// means the reader is gone, and the evaluation stops.
fn evaluate_into(store: &Store, query: PreparedSparqlQuery, tx: &SyncSender<Msg>) {
    let fail = |e| {
        let _ = tx.send(Msg::Failed(e));
    };
    let results = match query.on_store(store).execute() {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    match results {
        QueryResults::Boolean(b) => {
            let _ = tx.send(Msg::Head(Head::Boolean(b)));
        }
        QueryResults::Graph(triples) => match triples.collect::<std::result::Result<Vec<_>, _>>() {
            Ok(mut t) => {
                t.sort_by_cached_key(|x| x.to_string());
                t.dedup();
                let _ = tx.send(Msg::Head(Head::Graph(t)));
            }
            Err(e) => fail(e),
        },
        QueryResults::Solutions(solutions) => {
            let variables: Vec<String> = solutions
                .variables()
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            if tx
                .send(Msg::Head(Head::Solutions(variables.clone())))
                .is_err()
            {
                return;
            }
            let mut chunk = Vec::with_capacity(CHUNK);
            for s in solutions {
                match s {
                    Ok(s) => chunk.push(
                        variables
                            .iter()
                            .map(|v| s.get(v.as_str()).cloned())
                            .collect(),
                    ),
                    Err(e) => return fail(e),
                }
                if chunk.len() == CHUNK
                    && tx
                        .send(Msg::Rows(std::mem::replace(
                            &mut chunk,
                            Vec::with_capacity(CHUNK),
                        )))
                        .is_err()
                {
                    return;
                }
            }
            if !chunk.is_empty() {
                let _ = tx.send(Msg::Rows(chunk));
            }
        }
    }
}
