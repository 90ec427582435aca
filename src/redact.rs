//! Keeping families' phone numbers out of logs and panic messages.

use std::fmt;

/// Prints a phone number as its last two digits only, enough to tell two
/// apart in a test failure; a short value prints as nothing at all.
pub struct Masked<'a>(pub &'a str);

impl fmt::Debug for Masked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() <= 4 {
            f.write_str("\"…\"")
        } else {
            let tail: String = chars[chars.len() - 2..].iter().collect();
            write!(f, "\"…{tail}\"")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Masked;

    #[test]
    fn only_the_last_two_digits_show() {
        assert_eq!(format!("{:?}", Masked("+33639980123")), "\"…23\"");
        assert_eq!(format!("{:?}", Masked("+331")), "\"…\"");
    }
}
