//! Errors of the Rust core. The Python layer maps each kind to an exception class
//! (`src/python/errors.rs`; the classes are in `dateline/errors.py`).
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Input bytes that are not UTF-8; `offset` is the byte offset of the first bad byte.
    Encoding { offset: usize, detail: String },
    /// Input that cannot be a story (too large, ...), with what and where.
    Input(String),
    /// A model file that cannot be read.
    Model(String),
    /// Bad options or arguments from the caller.
    Value(String),
    /// A file or folder the caller named does not exist.
    NotFound(String),
    /// A failure inside the core that is not the caller's fault (a panic, an impossible span).
    Internal(String),
}

impl Error {
    /// An error reading `path`: `NotFound` when it does not exist, else `Input`.
    pub fn io(path: &std::path::Path, err: &std::io::Error) -> Error {
        let msg = format!("cannot read {}: {err}", path.display());
        if err.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound(msg)
        } else {
            Error::Input(msg)
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Encoding { offset, detail } => {
                write!(f, "invalid UTF-8 at byte offset {offset}: {detail}")
            }
            Error::Input(m) | Error::Model(m) | Error::Value(m) | Error::NotFound(m) => f.write_str(m),
            Error::Internal(m) => {
                write!(f, "internal error in the dateline core (please report it with the input): {m}")
            }
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

/// The message a panic carried (`panic!("...")` gives a `&str` or a `String`).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Runs `f`, turning a panic into `Error::Internal`: one bad story must not end a corpus run nor
/// unwind into Python.
pub fn catch_panic<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|p| Err(Error::Internal(panic_message(&*p))))
}

/// Decodes bytes as UTF-8, naming the offset of the first invalid byte; with `lossy`, replaces them.
pub fn decode_utf8(bytes: &[u8], lossy: bool) -> Result<std::borrow::Cow<'_, str>> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(Error::Encoding {
            offset: e.valid_up_to(),
            detail: format!("byte 0x{:02x} is not valid here", bytes[e.valid_up_to()]),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn names_offset_of_bad_byte() {
        let err = decode_utf8(b"abc\xffdef", false).unwrap_err();
        assert_eq!(err, Error::Encoding { offset: 3, detail: "byte 0xff is not valid here".into() });
        assert_eq!(decode_utf8(b"abc\xffdef", true).unwrap(), "abc\u{fffd}def");
    }

    #[test]
    fn panics_become_internal_errors() {
        let err = catch_panic::<()>(|| panic!("boom {}", 1)).unwrap_err();
        assert_eq!(err, Error::Internal("boom 1".into()));
        assert!(err.to_string().starts_with("internal error in the dateline core"));
        assert_eq!(catch_panic(|| Ok(3)), Ok(3));
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert!(matches!(Error::io(std::path::Path::new("x"), &missing), Error::NotFound(_)));
    }
}
