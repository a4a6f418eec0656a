//! Two small collections the decoder and the view need, written out:
//! each std counterpart is instantiated per element type and costs every
//! reader more than it saves in code here (measured in ARCHITECTURE.md,
//! "Size"): a stable insertion sort for lists of at most a few hundred
//! items, and a set of strings for duplicate checks.

/// Insertion sort: stable, and a few hundred bytes of wasm where the
/// standard library's stable sort costs kilobytes. The lists sorted here
/// (reports, milestones) hold at most [`MAX_LIST`](super::MAX_LIST) items, usually a handful,
/// and usually arrive in order.
pub fn sort_stable_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A set of strings for duplicate checks: open addressing with the content
/// hash's FNV-1a. The
/// standard `HashSet` brings SipHash and a general table, several KB of
/// wasm, for what needs only "seen before?".
#[derive(Default)]
pub struct StrSet {
    slots: Vec<Option<Box<str>>>,
    len: usize,
}

impl StrSet {
    /// Adds `s`; false when it was already there.
    pub fn insert(&mut self, s: &str) -> bool {
        if (self.len + 1) * 2 > self.slots.len() {
            let old = core::mem::take(&mut self.slots);
            self.slots = vec![None; (old.len() * 2).max(16)];
            for k in old.into_iter().flatten() {
                let i = self.find(&k);
                self.slots[i] = Some(k);
            }
        }
        let i = self.find(s);
        if self.slots[i].is_some() {
            return false;
        }
        self.slots[i] = Some(s.into());
        self.len += 1;
        true
    }

    /// The slot holding `s`, or the empty slot where it would go.
    fn find(&self, s: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut h = super::hash::Hasher::default();
        h.update(s.as_bytes());
        let mut i = h.value() as usize & mask;
        while let Some(k) = &self.slots[i] {
            if **k == *s {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertion_sort_is_stable() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_stable_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w: Vec<u32> = (0..300).rev().collect();
        sort_stable_by_key(&mut w, |x| *x);
        assert!(w.windows(2).all(|p| p[0] < p[1]));
    }

    #[test]
    fn the_string_set_finds_every_repeat_and_nothing_else() {
        let mut set = StrSet::default();
        for i in 0..1000 {
            assert!(set.insert(&format!("id-{i}")), "new: {i}");
        }
        for i in (0..1000).step_by(7) {
            assert!(!set.insert(&format!("id-{i}")), "repeat: {i}");
        }
        assert!(set.insert("") && !set.insert(""));
    }
}
