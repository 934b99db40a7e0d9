//! Locking of shared values (`Union::Shared`): `RefCell` normally, `RwLock` under `sync`.
//!
//! Every access is a *try*: a value already borrowed for writing (a closure touching the very
//! value a method is mutating) yields `None`, which callers turn into `ErrorDataRace`, never a
//! panic or a deadlock. A poisoned `RwLock` is still usable: the value inside is always valid.

use crate::config::Locked;
use crate::Dynamic;

/// A read guard on a shared value.
#[cfg(not(feature = "sync"))]
pub type ReadGuard<'a> = std::cell::Ref<'a, Dynamic>;
/// A write guard on a shared value.
#[cfg(not(feature = "sync"))]
pub type WriteGuard<'a> = std::cell::RefMut<'a, Dynamic>;
/// A read guard on a shared value.
#[cfg(feature = "sync")]
pub type ReadGuard<'a> = std::sync::RwLockReadGuard<'a, Dynamic>;
/// A write guard on a shared value.
#[cfg(feature = "sync")]
pub type WriteGuard<'a> = std::sync::RwLockWriteGuard<'a, Dynamic>;

/// Borrow for reading, or `None` if the value is borrowed for writing.
#[cfg(not(feature = "sync"))]
#[inline]
pub fn read(cell: &Locked<Dynamic>) -> Option<ReadGuard<'_>> {
    cell.try_borrow().ok()
}

/// Borrow for writing, or `None` if the value is borrowed at all.
#[cfg(not(feature = "sync"))]
#[inline]
pub fn write(cell: &Locked<Dynamic>) -> Option<WriteGuard<'_>> {
    cell.try_borrow_mut().ok()
}

/// Is the value borrowed for writing?
#[cfg(not(feature = "sync"))]
pub fn is_locked(cell: &Locked<Dynamic>) -> bool {
    cell.try_borrow().is_err()
}

/// The value inside a lock that is no longer shared.
#[cfg(not(feature = "sync"))]
pub fn into_inner(cell: Locked<Dynamic>) -> Dynamic {
    cell.into_inner()
}

/// Borrow for reading, or `None` if the value is locked for writing.
#[cfg(feature = "sync")]
pub fn read(cell: &Locked<Dynamic>) -> Option<ReadGuard<'_>> {
    match cell.try_read() {
        Ok(g) => Some(g),
        Err(std::sync::TryLockError::Poisoned(p)) => Some(p.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => None,
    }
}

/// Borrow for writing, or `None` if the value is locked.
#[cfg(feature = "sync")]
pub fn write(cell: &Locked<Dynamic>) -> Option<WriteGuard<'_>> {
    match cell.try_write() {
        Ok(g) => Some(g),
        Err(std::sync::TryLockError::Poisoned(p)) => Some(p.into_inner()),
        Err(std::sync::TryLockError::WouldBlock) => None,
    }
}

/// Is the value locked for writing?
#[cfg(feature = "sync")]
pub fn is_locked(cell: &Locked<Dynamic>) -> bool {
    read(cell).is_none()
}

/// The value inside a lock that is no longer shared.
#[cfg(feature = "sync")]
pub fn into_inner(cell: Locked<Dynamic>) -> Dynamic {
    cell.into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The value inside a lock held by one owner only (no locking needed).
#[cfg(not(feature = "sync"))]
pub fn get_mut(cell: &mut Locked<Dynamic>) -> &mut Dynamic {
    cell.get_mut()
}

/// The value inside a lock held by one owner only (no locking needed).
#[cfg(feature = "sync")]
pub fn get_mut(cell: &mut Locked<Dynamic>) -> &mut Dynamic {
    cell.get_mut()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
