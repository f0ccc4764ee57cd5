//! Errors of the Rust core. The Python layer maps each kind to an exception class.
use std::fmt;

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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Encoding { offset, detail } => {
                write!(f, "invalid UTF-8 at byte offset {offset}: {detail}")
            }
            Error::Input(m) | Error::Model(m) | Error::Value(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;

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
}
