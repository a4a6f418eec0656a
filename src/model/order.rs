//! One stable sort by a whole-number key, for every list the widget puts in
//! order (reports newest first, milestones by date, problems in file
//! order). The standard sort is instantiated once, for `(key, index)`
//! pairs, instead of once per element type: each copy was 1.4 KB of wasm.

/// Sorts `items` by `key`, keeping the order of equal keys.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = items.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    if order.windows(2).all(|w| w[0].0 <= w[1].0) {
        return; // already in order: most lists are
    }
    pairs(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|(_, i)| slots[i].take()));
}

/// The one sort: the index makes equal keys keep their order.
#[inline(never)]
fn pairs(order: &mut [(u64, usize)]) {
    order.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_by_the_key_and_keeps_equal_keys_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut desc = v.clone();
        sort_by_key(&mut desc, |x| u64::MAX - x.0);
        assert_eq!(desc, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
    }
}
