//! First-fit clustering of the mentions of one (action, actor, place) into
//! events, for [`merge_events`](super::merge::merge_events).
//!
//! A mention joins the first cluster (in creation order) whose narrowest
//! date and target it fits, or starts a new one. Scanning the clusters made
//! merging quadratic in the distinct dates of a group (the graph stage grew
//! ×12.4 for 10× more input), so once a group has more than a few clusters
//! they are also indexed by target and by calendar period: calendar periods
//! nest (a day in a month in a year), so the clusters a date fits are those
//! without a date, those of its enclosing periods and those inside it, and
//! the first fitting cluster is the smallest index among a handful of
//! ordered sets. The result is exactly that of the scan (a unit test
//! compares the two); a group with a date that is not a calendar period
//! (a month outside 1–12, a day the month lacks) keeps the scan.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use super::PartialDate;
use super::date::days_in_month;

/// A cluster of mentions being merged into one event.
#[derive(Default)]
pub(super) struct Cluster<'a> {
    pub(super) members: Vec<usize>,
    /// The narrowest resolved date of the members.
    date: Option<PartialDate>,
    /// The members' target, if any has one (they all agree).
    target: Option<&'a str>,
}

impl<'a> Cluster<'a> {
    fn fits(&self, date: Option<PartialDate>, target: Option<&str>) -> bool {
        let dates_ok = match (date, self.date) {
            (Some(a), Some(b)) => a.compatible(&b),
            _ => true,
        };
        let targets_ok = match (target, self.target) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        dates_ok && targets_ok
    }

    fn push(&mut self, i: usize, date: Option<PartialDate>, target: Option<&'a str>) {
        self.members.push(i);
        if let Some(d) = date {
            let narrower = match self.date {
                None => true,
                Some(old) => {
                    let ((a0, a1), (b0, b1)) = (d.bounds(), old.bounds());
                    a0 >= b0 && a1 <= b1
                }
            };
            if narrower {
                self.date = Some(d);
            }
        }
        if self.target.is_none() {
            self.target = target;
        }
    }
}

/// Below this many clusters a group is scanned; above, indexed.
const SCAN_LIMIT: usize = 16;

/// Clusters the mentions `items` (index, date, target) in order: each
/// joins the first cluster it fits, or starts one; with `mergeable` false
/// each mention is a cluster of its own.
pub(super) fn first_fit<'a>(
    items: &[(usize, Option<PartialDate>, Option<&'a str>)],
    mergeable: bool,
) -> Vec<Cluster<'a>> {
    let mut clusters: Vec<Cluster<'a>> = Vec::new();
    let indexable = items.iter().all(|&(_, d, _)| d.is_none_or(is_period));
    let mut index: Option<Index<'a>> = None;
    for &(i, date, target) in items {
        let found = if !mergeable {
            None
        } else if let Some(ix) = &index {
            ix.first(date, target)
        } else {
            clusters.iter().position(|c| c.fits(date, target))
        };
        let c = match found {
            Some(c) => c,
            None => {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }
        };
        let before = keys(&clusters[c]);
        clusters[c].push(i, date, target);
        if let Some(ix) = &mut index {
            let after = keys(&clusters[c]);
            if found.is_none() {
                ix.insert(c, after);
            } else if before != after {
                ix.remove(c, before);
                ix.insert(c, after);
            }
        } else if mergeable && indexable && clusters.len() > SCAN_LIMIT {
            let mut ix = Index::default();
            for (k, cl) in clusters.iter().enumerate() {
                ix.insert(k, keys(cl));
            }
            index = Some(ix);
        }
    }
    clusters
}

/// Whether a date is a calendar period: a valid day, a valid month or a year.
fn is_period(d: PartialDate) -> bool {
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            (1..=12).contains(&m) && day >= 1 && day <= days_in_month(d.year, m)
        }
        (Some(m), None) => (1..=12).contains(&m),
        _ => true,
    }
}

/// A calendar period as the index sees it (a day without a month is the
/// year, as in [`PartialDate::bounds`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Period {
    Year(i32),
    Month(i32, u8),
    Day(i32, u8, u8),
}

fn period(d: PartialDate) -> Period {
    match (d.month, d.day) {
        (Some(m), Some(day)) => Period::Day(d.year, m, day),
        (Some(m), None) => Period::Month(d.year, m),
        _ => Period::Year(d.year),
    }
}

/// The sets a cluster is filed in, by date: every cluster is in `All`;
/// a dated one in `Exact` of its period and `Within` each period that
/// encloses or equals it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Slot {
    All,
    Undated,
    Exact(Period),
    Within(Period),
}

/// The target side of a key: `Any` holds every cluster, `Of` those with
/// that target (or none).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Side<'a> {
    Any,
    Of(Option<&'a str>),
}

type Keys<'a> = (Option<&'a str>, Option<Period>);

fn keys<'a>(c: &Cluster<'a>) -> Keys<'a> {
    (c.target, c.date.map(period))
}

fn slots(p: Option<Period>) -> impl Iterator<Item = Slot> {
    let (a, b, c, d) = match p {
        None => (Slot::Undated, None, None, None),
        Some(p) => {
            let within = |q| Some(Slot::Within(q));
            match p {
                Period::Year(y) => (Slot::Exact(p), within(Period::Year(y)), None, None),
                Period::Month(y, m) => (
                    Slot::Exact(p),
                    within(Period::Year(y)),
                    within(Period::Month(y, m)),
                    None,
                ),
                Period::Day(y, m, _) => (
                    Slot::Exact(p),
                    within(Period::Year(y)),
                    within(Period::Month(y, m)),
                    within(p),
                ),
            }
        }
    };
    [Some(Slot::All), Some(a), b, c, d].into_iter().flatten()
}

/// Ordered sets of cluster indices by (target side, date slot).
#[derive(Default)]
struct Index<'a> {
    sets: FxHashMap<(Side<'a>, Slot), BTreeSet<usize>>,
}

impl<'a> Index<'a> {
    fn insert(&mut self, c: usize, (target, date): Keys<'a>) {
        for side in [Side::Any, Side::Of(target)] {
            for slot in slots(date) {
                self.sets.entry((side, slot)).or_default().insert(c);
            }
        }
    }

    fn remove(&mut self, c: usize, (target, date): Keys<'a>) {
        for side in [Side::Any, Side::Of(target)] {
            for slot in slots(date) {
                if let Some(s) = self.sets.get_mut(&(side, slot)) {
                    s.remove(&c);
                }
            }
        }
    }

    /// The first cluster a mention with this date and target fits.
    fn first(&self, date: Option<PartialDate>, target: Option<&'a str>) -> Option<usize> {
        let wanted: [Option<Slot>; 4] = match date.map(period) {
            None => [Some(Slot::All), None, None, None],
            Some(Period::Year(y)) => [
                Some(Slot::Undated),
                Some(Slot::Within(Period::Year(y))),
                None,
                None,
            ],
            Some(Period::Month(y, m)) => [
                Some(Slot::Undated),
                Some(Slot::Exact(Period::Year(y))),
                Some(Slot::Within(Period::Month(y, m))),
                None,
            ],
            Some(p @ Period::Day(y, m, _)) => [
                Some(Slot::Undated),
                Some(Slot::Exact(Period::Year(y))),
                Some(Slot::Exact(Period::Month(y, m))),
                Some(Slot::Exact(p)),
            ],
        };
        let sides = match target {
            None => [Some(Side::Any), None],
            Some(t) => [Some(Side::Of(None)), Some(Side::Of(Some(t)))],
        };
        let mut best: Option<usize> = None;
        for side in sides.into_iter().flatten() {
            for slot in wanted.into_iter().flatten() {
                let Some(&c) = self.sets.get(&(side, slot)).and_then(BTreeSet::first) else {
                    continue;
                };
                if best.is_none_or(|b| c < b) {
                    best = Some(c);
                }
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan<'a>(
        items: &[(usize, Option<PartialDate>, Option<&'a str>)],
        mergeable: bool,
    ) -> Vec<Vec<usize>> {
        let mut clusters: Vec<Cluster<'a>> = Vec::new();
        for &(i, date, target) in items {
            match clusters
                .iter_mut()
                .find(|c| mergeable && c.fits(date, target))
            {
                Some(c) => c.push(i, date, target),
                None => {
                    let mut c = Cluster::default();
                    c.push(i, date, target);
                    clusters.push(c);
                }
            }
        }
        clusters.into_iter().map(|c| c.members).collect()
    }

    #[test]
    fn the_index_finds_the_cluster_the_scan_finds() {
        // A small deterministic generator: dates of every precision in two
        // years, some undated, a few targets, some invalid dates.
        let mut x: u64 = 7;
        let mut next = |n: u64| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) % n
        };
        let targets = ["t1", "t2", "t3"];
        for round in 0..60 {
            let n = 20 + round * 10;
            let invalid = round % 10 == 9;
            let items: Vec<(usize, Option<PartialDate>, Option<&str>)> = (0..n)
                .map(|i| {
                    let year = 2024 + next(2) as i32;
                    let month = 1 + next(if invalid { 14 } else { 12 }) as u8;
                    let day = 1 + next(3) as u8 * 14;
                    let date = match next(5) {
                        0 => None,
                        1 => Some(PartialDate::year(year)),
                        2 => Some(PartialDate::month(year, month)),
                        _ => Some(PartialDate {
                            year,
                            month: Some(month),
                            day: Some(day),
                        }),
                    };
                    let target = match next(4) {
                        0 | 1 => None,
                        t => Some(targets[t as usize - 2 + (i % 2)]),
                    };
                    (i, date, target)
                })
                .collect();
            for mergeable in [true, false] {
                let got: Vec<Vec<usize>> = first_fit(&items, mergeable)
                    .into_iter()
                    .map(|c| c.members)
                    .collect();
                assert_eq!(got, scan(&items, mergeable), "round {round}");
            }
        }
    }
}
