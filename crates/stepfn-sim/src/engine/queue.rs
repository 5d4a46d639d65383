//! The time queue: what runs next, by virtual time and then by the order it
//! was added. Work due at the time it is added (a child starting, a fiber
//! resuming) goes to a plain FIFO; later work (waits, back-offs, timeouts)
//! to a heap. Popping takes the smaller of the two heads, so the order is
//! exactly (time, order added) while the common case costs no heap work.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use super::{Entry, What};

/// The time queue.
#[derive(Debug, Default)]
pub(crate) struct Queue {
    due: VecDeque<Entry>,
    later: BinaryHeap<Reverse<Entry>>,
    seq: u64,
}

impl Queue {
    /// Adds `what` at `time`; `now` is the current time.
    pub(crate) fn push(&mut self, now: i64, time: i64, what: What) {
        self.seq += 1;
        let entry = Entry {
            time,
            seq: self.seq,
            what,
        };
        // Entries due now keep their order in the FIFO: every later push
        // has a larger sequence number and a time no earlier.
        if time <= now && self.due.back().is_none_or(|last| last.time <= time) {
            self.due.push_back(entry);
        } else {
            self.later.push(Reverse(entry));
        }
    }

    /// The next entry, without taking it.
    pub(crate) fn peek(&self) -> Option<&Entry> {
        match (self.due.front(), self.later.peek()) {
            (Some(a), Some(Reverse(b))) => Some(if (a.time, a.seq) <= (b.time, b.seq) {
                a
            } else {
                b
            }),
            (Some(a), None) => Some(a),
            (None, Some(Reverse(b))) => Some(b),
            (None, None) => None,
        }
    }

    /// Takes the next entry.
    pub(crate) fn pop(&mut self) -> Option<Entry> {
        let from_due = match (self.due.front(), self.later.peek()) {
            (Some(a), Some(Reverse(b))) => (a.time, a.seq) <= (b.time, b.seq),
            (Some(_), None) => true,
            (None, _) => false,
        };
        if from_due {
            self.due.pop_front()
        } else {
            self.later.pop().map(|Reverse(entry)| entry)
        }
    }

    /// Drops every entry.
    pub(crate) fn clear(&mut self) {
        self.due.clear();
        self.later.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_by_time_then_order_added() {
        let mut q = Queue::default();
        q.push(0, 5, What::Timeline(0));
        q.push(0, 0, What::Timeline(1));
        q.push(0, 0, What::Timeline(2));
        q.push(0, 3, What::Timeline(3));
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).map(|e| e.what).collect();
        assert_eq!(
            order,
            [
                What::Timeline(1),
                What::Timeline(2),
                What::Timeline(3),
                What::Timeline(0)
            ]
        );
        q.push(10, 10, What::Timeline(4));
        q.push(0, 10, What::Timeline(5));
        assert_eq!(q.pop().map(|e| e.what), Some(What::Timeline(4)));
        assert_eq!(q.pop().map(|e| e.what), Some(What::Timeline(5)));
        assert!(q.peek().is_none());
    }
}
