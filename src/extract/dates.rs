//! Date expressions of a sentence, resolved with their precision.
//!
//! Recognized: day-month-year (٧ سبتمبر ٢٠٢٥، 20 سبتمبر/أيلول), month-year,
//! year (عام 2014), month alone, weekdays, relative days (أمس، اليوم),
//! relative periods (الشهر الماضي، العام المقبل، العام التالي) and month
//! names with a relative modifier (سبتمبر الماضي). Qualifiers in front
//! (بحلول، منذ، نهاية، منتصف …) are kept. Relative expressions resolve against
//! the publication date, or (العام التالي) against a date earlier in the
//! sentence; when neither is known the expression is kept unresolved.

use super::sent::Sent;
use crate::lexicon::{Anchor, CueKind, Lexicon, TimeUnit};
use crate::matcher::Target;
use crate::model::{DateQualifier, PartialDate};

/// A date expression found in a sentence (token range and resolved value).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMent {
    pub start: usize,
    pub end: usize,
    pub start_date: Option<PartialDate>,
    pub end_date: Option<PartialDate>,
    pub qualifier: Option<DateQualifier>,
}

fn number(s: &Sent, i: usize) -> Option<u32> {
    if !s.is_number(i) {
        return None;
    }
    s.text(i).parse().ok()
}

fn is_year(s: &Sent, i: usize) -> Option<i32> {
    let t = s.text(i);
    (s.is_number(i) && t.len() == 4)
        .then(|| t.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn is_sep(s: &Sent, i: usize) -> bool {
    s.is_punct(i) && matches!(s.text(i), "-" | "/" | "–" | "." | "(")
}

/// A month name at `i` (with a paired name after / or in brackets): (month, end).
fn month_at(s: &Sent, lex: &Lexicon, i: usize, allow_strict: bool) -> Option<(u8, usize)> {
    let (end, month, strict) = s
        .matches_at(i)
        .filter_map(|m| match m.payload.target {
            Target::Cue { cue, strict } if lex.cues[cue as usize].kind == CueKind::Month => {
                Some((m.end, lex.cues[cue as usize].number? as u8, strict))
            }
            _ => None,
        })
        .max_by_key(|x| (x.0, !x.2))?;
    if strict && !allow_strict {
        return None;
    }
    let mut end = end;
    // سبتمبر/أيلول, سبتمبر/ أيلول, سبتمبر (أيلول)
    let mut j = end;
    while j < s.len() && is_sep(s, j) {
        j += 1;
    }
    if j > end
        && let Some((e2, m2)) = s.matches_at(j).find_map(|m| match m.payload.target {
            Target::Cue { cue, .. } if lex.cues[cue as usize].kind == CueKind::Month => {
                Some((m.end, lex.cues[cue as usize].number? as u8))
            }
            _ => None,
        })
        && m2 == month
    {
        end = e2;
        if end < s.len() && s.text(end) == ")" {
            end += 1;
        }
    }
    Some((month, end))
}

fn skip_seps(s: &Sent, mut j: usize) -> usize {
    while j < s.len() && is_sep(s, j) && s.text(j) != "(" {
        j += 1;
    }
    j
}

fn year_after(s: &Sent, lex: &Lexicon, j: usize) -> Option<(i32, usize)> {
    let j = skip_seps(s, j);
    let j = s.cue_at(lex, j, CueKind::YearWord).map_or(j, |c| c.0);
    is_year(s, j).map(|y| (y, j + 1))
}

fn cue_number(s: &Sent, lex: &Lexicon, i: usize, kind: CueKind) -> Option<(usize, usize, i64)> {
    s.cue_at(lex, i, kind)
        .and_then(|(end, cue, _)| lex.cues[cue].number.map(|n| (end, cue, n)))
}

/// Year for a month (and day) without one: the one nearest the reference date.
fn nearest_year(reference: PartialDate, month: u8, day: Option<u8>) -> i32 {
    let rm = i64::from(reference.month.unwrap_or(6));
    let rd = i64::from(reference.day.unwrap_or(15));
    let score = |y: i32| {
        let months = (i64::from(y) - i64::from(reference.year)) * 12 + i64::from(month) - rm;
        (months * 31 + i64::from(day.unwrap_or(15)) - rd).abs() * 2 + i64::from(y > reference.year)
    };
    [reference.year - 1, reference.year, reference.year + 1]
        .into_iter()
        .min_by_key(|&y| score(y))
        .unwrap_or(reference.year)
}

fn shift_months(d: PartialDate, n: i64) -> PartialDate {
    let total = i64::from(d.year) * 12 + i64::from(d.month.unwrap_or(1)) - 1 + n;
    PartialDate::month(
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u8,
    )
}

/// Context of date resolution for one sentence.
pub struct DateContext {
    pub published: Option<PartialDate>,
}

/// Finds and resolves the date expressions of a sentence.
pub fn find_dates(s: &Sent, lex: &Lexicon, ctx: &DateContext) -> Vec<DateMent> {
    let mut out: Vec<DateMent> = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let mut j = i;
        let mut qualifier = None;
        while let Some((e, cue, _)) = s.cue_at(lex, j, CueKind::DateQualifier) {
            qualifier = qualifier.or(lex.cues[cue].qualifier);
            j = e;
        }
        let context_year = out.iter().rev().find_map(|d| d.start_date.map(|x| x.year));
        match core_at(s, lex, j, ctx, context_year) {
            Some((end, start_date, end_date)) => {
                out.push(DateMent {
                    start: i,
                    end,
                    start_date,
                    end_date,
                    qualifier,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

type Core = (usize, Option<PartialDate>, Option<PartialDate>);

fn core_at(
    s: &Sent,
    lex: &Lexicon,
    j: usize,
    ctx: &DateContext,
    context_year: Option<i32>,
) -> Option<Core> {
    let pubd = ctx.published;
    // Day من month: 26 من أيلول، الثلاثين من أيلول/سبتمبر 2015، العاشر من
    // آذار الماضي، الثامن من الشهر الجاري (an ordinal day only this way).
    // (`of` is the من after the day)
    if let Some((of, day)) = number(s, j)
        .filter(|d| (1..=31).contains(d))
        .map(|d| (j + 1, d))
        .or_else(|| cue_number(s, lex, j, CueKind::DayOrdinal).map(|(e, _, n)| (e, n as u32)))
        .filter(|&(of, _)| s.text(of) == "من")
        && let Some((end, Some(m), None)) = core_at(s, lex, of + 1, ctx, context_year)
        && let (Some(month), None) = (m.month, m.day)
    {
        return Some((end, PartialDate::day(m.year, month, day as u8), None));
    }
    // Day month [year].
    if let Some(day) = number(s, j).filter(|d| (1..=31).contains(d)) {
        let k = skip_seps(s, j + 1);
        if let Some((month, e)) = month_at(s, lex, k, true) {
            if let Some((year, e2)) = year_after(s, lex, e) {
                return Some((e2, PartialDate::day(year, month, day as u8), None));
            }
            let year =
                context_year.or_else(|| pubd.map(|p| nearest_year(p, month, Some(day as u8))));
            return Some((
                e,
                year.and_then(|y| PartialDate::day(y, month, day as u8)),
                None,
            ));
        }
    }
    // Month [year | modifier].
    // (a strict month name after a day: 20 مارس، العاشر من مارس)
    let strict_ok = j > 0
        && (number(s, j - 1).is_some()
            || (j > 1
                && s.text(j - 1) == "من"
                && (number(s, j - 2).is_some()
                    || s.cue_covering(lex, j - 2, CueKind::DayOrdinal).is_some())));
    if let Some((month, e)) = month_at(s, lex, j, strict_ok) {
        if let Some((year, e2)) = year_after(s, lex, e) {
            return Some((e2, Some(PartialDate::month(year, month)), None));
        }
        if let Some((e2, _, n)) = cue_number(s, lex, e, CueKind::RelativeModifier) {
            let resolved = pubd.map(|p| {
                let this = PartialDate::month(p.year, month);
                let pm = p.month.unwrap_or(month);
                match n.signum() {
                    -1 if month >= pm => PartialDate::month(p.year - 1, month),
                    1 if month <= pm => PartialDate::month(p.year + 1, month),
                    _ => this,
                }
            });
            return Some((e2, resolved, None));
        }
        month_at(s, lex, j, false)?;
        let year = context_year.or_else(|| pubd.map(|p| nearest_year(p, month, None)));
        return Some((e, year.map(|y| PartialDate::month(y, month)), None));
    }
    // [عام] year.
    let k = s.cue_at(lex, j, CueKind::YearWord).map_or(j, |c| c.0);
    if let Some(year) = is_year(s, k) {
        let next_is_count = s.cue_at(lex, k + 1, CueKind::TroopNoun).is_some()
            || s.cue_at(lex, k + 1, CueKind::NumberWord).is_some();
        if !next_is_count {
            return Some((k + 1, Some(PartialDate::year(year)), None));
        }
    }
    // Relative day [weekday].
    let k = if s.text(j) == "يوم" { j + 1 } else { j };
    if let Some((e, _, n)) = cue_number(s, lex, k, CueKind::RelativeDay) {
        let e = cue_number(s, lex, e, CueKind::Weekday).map_or(e, |w| w.0);
        let d = pubd
            .filter(|p| p.day.is_some())
            .map(|p| PartialDate::from_days(p.to_days() + n));
        return Some((e, d, None));
    }
    // Weekday [modifier].
    if let Some((e, _, wd)) = cue_number(s, lex, k, CueKind::Weekday) {
        let (e, dir) =
            cue_number(s, lex, e, CueKind::RelativeModifier).map_or((e, -1), |(e2, _, n)| (e2, n));
        let d = pubd.filter(|p| p.day.is_some()).map(|p| {
            let today = i64::from(p.weekday().unwrap_or(0));
            let delta = if dir > 0 {
                (wd - today).rem_euclid(7).max(1)
            } else {
                -((today - wd).rem_euclid(7))
            };
            PartialDate::from_days(p.to_days() + delta)
        });
        return Some((e, d, None));
    }
    // Relative period.
    if let Some((e, cue, n)) = cue_number(s, lex, j, CueKind::RelativePeriod) {
        let c = &lex.cues[cue];
        let anchor = match c.anchor {
            Anchor::Publication => pubd,
            Anchor::Context => context_year.map(PartialDate::year),
        };
        let resolved = anchor.and_then(|a| match c.unit? {
            TimeUnit::Year => Some((PartialDate::year(a.year + n as i32), None)),
            TimeUnit::Month => a.month.map(|_| (shift_months(a, n), None)),
            TimeUnit::Week | TimeUnit::Day => a.day.map(|_| {
                let days = if c.unit == Some(TimeUnit::Week) {
                    7 * n
                } else {
                    n
                };
                let start = PartialDate::from_days(a.to_days() + days);
                let end = (c.unit == Some(TimeUnit::Week))
                    .then(|| PartialDate::from_days(start.to_days() + 6));
                (start, end)
            }),
        });
        return Some(match resolved {
            Some((st, en)) => (e, Some(st), en),
            None => (e, None, None),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_year_prefers_close_dates() {
        let p = PartialDate::day(2024, 9, 25).unwrap();
        assert_eq!(nearest_year(p, 8, Some(11)), 2024);
        assert_eq!(nearest_year(p, 1, None), 2025);
        let p = PartialDate::day(2024, 1, 26).unwrap();
        assert_eq!(nearest_year(p, 10, None), 2023);
        assert_eq!(
            shift_months(PartialDate::month(2025, 1), -1).to_string(),
            "2024-12"
        );
    }
}
