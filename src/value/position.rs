//! `Position`: a line and column in the script text, carried by every token, AST node and error.
//!
//! Both numbers start at 1; `Position::NONE` (0, 0) means "no position". Columns count
//! characters, not bytes. The type is 4 bytes so that it costs little inside AST nodes.

use core::fmt;
use core::ops::{Add, AddAssign};

/// A location (line number + character position) in the input script.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    line: u16,
    pos: u16,
}

/// The default position is `Position::START`.
impl Default for Position {
    #[inline]
    fn default() -> Self {
        Self::START
    }
}

impl Position {
    /// No position.
    pub const NONE: Self = Self { line: 0, pos: 0 };
    /// The first character of the first line.
    pub const START: Self = Self { line: 1, pos: 0 };

    /// Create a new `Position`. A `line` of zero gives `Position::NONE`.
    #[inline]
    #[must_use]
    pub const fn new(line: u16, position: u16) -> Self {
        if line == 0 {
            Self::NONE
        } else {
            Self {
                line,
                pos: position,
            }
        }
    }

    /// Create a new `Position`, or `None` if `line` is zero.
    #[inline]
    #[must_use]
    pub const fn new_const(line: u16, position: u16) -> Option<Self> {
        if line == 0 {
            None
        } else {
            Some(Self {
                line,
                pos: position,
            })
        }
    }

    /// The line number, if any.
    #[inline]
    #[must_use]
    pub const fn line(self) -> Option<usize> {
        if self.is_none() {
            None
        } else {
            Some(self.line as usize)
        }
    }

    /// The character position within the line, if any (zero at the beginning of a line).
    #[inline]
    #[must_use]
    pub const fn position(self) -> Option<usize> {
        if self.is_none() || self.pos == 0 {
            None
        } else {
            Some(self.pos as usize)
        }
    }

    /// Is this at the beginning of a line?
    #[inline]
    #[must_use]
    pub const fn is_beginning_of_line(self) -> bool {
        self.pos == 0 && !self.is_none()
    }

    /// Is this `Position::NONE`?
    #[inline]
    #[must_use]
    pub const fn is_none(self) -> bool {
        self.line == 0 && self.pos == 0
    }

    /// This position, or `pos` if this one is `NONE`.
    #[inline]
    #[must_use]
    pub const fn or_else(self, pos: Self) -> Self {
        if self.is_none() {
            pos
        } else {
            self
        }
    }

    /// Advance by one character (saturating).
    #[inline]
    pub(crate) fn advance(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    /// Move to the start of the next line (saturating).
    #[inline]
    pub(crate) fn new_line(&mut self) {
        self.line = self.line.saturating_add(1);
        self.pos = 0;
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            write!(f, "none")
        } else {
            write!(f, "line {}, position {}", self.line, self.pos)
        }
    }
}

impl fmt::Debug for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_none() {
            f.write_str("none")
        } else if self.is_beginning_of_line() {
            write!(f, "{}", self.line)
        } else {
            write!(f, "{}:{}", self.line, self.pos)
        }
    }
}

impl Add for Position {
    type Output = Self;

    /// Offset `rhs` by this position: lines add; on the same line, columns add.
    fn add(self, rhs: Self) -> Self::Output {
        if rhs.is_none() {
            self
        } else {
            Self {
                line: self.line.saturating_add(rhs.line).saturating_sub(1),
                pos: if rhs.is_beginning_of_line() {
                    self.pos
                } else {
                    self.pos.saturating_add(rhs.pos).saturating_sub(1)
                },
            }
        }
    }
}

impl AddAssign for Position {
    fn add_assign(&mut self, rhs: Self) {
        *self = *self + rhs;
    }
}
