//! BLOB (byte array) functions.

use super::array::{count, position};
use super::reg::{f, f_mut, prop};
use crate::module::Module;
use crate::{Array, Blob, Dynamic, ImmutableString, INT};

/// Register the BLOB functions.
pub(crate) fn init(m: &mut Module) {
    f(m, "blob", Blob::new);
    f(m, "blob", |n: INT| vec![0u8; count(n).min(1 << 24)]);
    f(m, "blob", |n: INT, v: INT| {
        vec![(v & 0xff) as u8; count(n).min(1 << 24)]
    });
    prop(m, "len", |b: &mut Blob| b.len() as INT);
    prop(m, "is_empty", |b: &mut Blob| b.is_empty());
    f(m, "get", |b: &mut Blob, i: INT| {
        crate::eval::index::normalize_index(i, b.len()).map_or(0, |n| INT::from(b[n]))
    });
    f_mut(m, "set", |b: &mut Blob, i: INT, v: INT| {
        if let Some(n) = crate::eval::index::normalize_index(i, b.len()) {
            b[n] = (v & 0xff) as u8;
        }
    });
    f_mut(m, "push", |b: &mut Blob, v: INT| b.push((v & 0xff) as u8));
    for name in ["append", "+="] {
        f_mut(m, name, |b: &mut Blob, other: Blob| b.extend(other));
    }
    f(m, "+", |a: Blob, b: Blob| {
        let mut a = a;
        a.extend(b);
        a
    });
    f_mut(m, "pop", |b: &mut Blob| b.pop().map_or(0, INT::from));
    f_mut(m, "clear", |b: &mut Blob| b.clear());
    f_mut(m, "truncate", |b: &mut Blob, len: INT| {
        b.truncate(count(len))
    });
    f_mut(m, "reverse", |b: &mut Blob| b.reverse());
    f_mut(m, "insert", |b: &mut Blob, i: INT, v: INT| {
        let at = position(i, b.len());
        b.insert(at, (v & 0xff) as u8);
    });
    f(m, "contains", |b: &mut Blob, v: INT| {
        b.contains(&((v & 0xff) as u8))
    });
    f(m, "to_array", |b: &mut Blob| -> Array {
        b.iter().map(|&x| Dynamic::from_int(INT::from(x))).collect()
    });
    f(m, "as_string", |b: &mut Blob| {
        ImmutableString::from(String::from_utf8_lossy(b).as_ref())
    });
}
