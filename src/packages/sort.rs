//! Stable sorting that tolerates any comparer. Scripts pass comparers that need not be total
//! orders (random answers, `|x, y| -1`, floats with NaN); the standard library's sort may
//! panic on those. This merge sort never does: it only permutes, whatever the answers. For a
//! consistent comparer its result is the one stable order, the same as any stable sort's.

/// Elements sorted by insertion before the merging starts.
const RUN: usize = 16;

/// Sort `items` stably: `less(a, b)` says whether `a` goes before `b`.
pub(crate) fn sort_by_less<T: Default>(items: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let n = items.len();
    if n < 2 {
        return;
    }
    // Sort positions, then move the elements once.
    let mut order: Vec<usize> = (0..n).collect();
    let mut before = |a: usize, b: usize| less(&items[a], &items[b]);
    for run in order.chunks_mut(RUN) {
        insertion_sort(run, &mut before);
    }
    let mut merged = vec![0; n];
    let mut width = RUN;
    while width < n {
        for (from, to) in order.chunks(2 * width).zip(merged.chunks_mut(2 * width)) {
            let (left, right) = from.split_at(width.min(from.len()));
            merge(left, right, to, &mut before);
        }
        core::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    let mut taken: Vec<T> = items.iter_mut().map(core::mem::take).collect();
    for (slot, &i) in items.iter_mut().zip(&order) {
        *slot = core::mem::take(&mut taken[i]);
    }
}

fn insertion_sort(run: &mut [usize], before: &mut impl FnMut(usize, usize) -> bool) {
    for i in 1..run.len() {
        let mut j = i;
        while j > 0 && before(run[j], run[j - 1]) {
            run.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Merge two sorted runs into `out`; on a tie the left run's element comes first.
fn merge(
    left: &[usize],
    right: &[usize],
    out: &mut [usize],
    before: &mut impl FnMut(usize, usize) -> bool,
) {
    let (mut l, mut r) = (0, 0);
    for slot in out.iter_mut() {
        let take_right = l == left.len() || (r < right.len() && before(right[r], left[l]));
        if take_right {
            *slot = right[r];
            r += 1;
        } else {
            *slot = left[l];
            l += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by_less;

    #[test]
    fn sorts_stably() {
        let mut v: Vec<(u32, u32)> = (0..100).map(|i| ((i * 7) % 5, i)).collect();
        let mut expected = v.clone();
        expected.sort_by_key(|&(k, _)| k);
        sort_by_less(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, expected);
    }

    #[test]
    fn inconsistent_comparers_only_permute() {
        let mut seed = 7_u64;
        for n in [0, 1, 5, 17, 33, 100, 1000] {
            let mut v: Vec<u64> = (0..n).collect();
            sort_by_less(&mut v, |_, _| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed.is_multiple_of(2)
            });
            v.sort_unstable();
            assert_eq!(v, (0..n).collect::<Vec<_>>());
        }
    }
}
