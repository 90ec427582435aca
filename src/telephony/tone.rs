//! The French ringback tone (440 Hz, 1.5 s on, 3.5 s off), as a WAV file, for
//! callers waiting in a simultaneous hunt's queue: they hear what they would
//! hear on any French line while the phones ring, not silence.

use std::sync::OnceLock;

const RATE: u32 = 8_000;
const ON_MS: u32 = 1_500;
const CYCLE_MS: u32 = 5_000;

/// One 5-second cycle of the tone: 8 kHz, 16-bit mono PCM.
pub fn ringback_wav() -> &'static [u8] {
    static WAV: OnceLock<Vec<u8>> = OnceLock::new();
    WAV.get_or_init(|| {
        let samples = RATE * CYCLE_MS / 1000;
        let on = RATE * ON_MS / 1000;
        let data_len = samples * 2;
        let mut out = Vec::with_capacity(44 + data_len as usize);
        out.extend_from_slice(b"RIFF");
        out.extend_from_slice(&(36 + data_len).to_le_bytes());
        out.extend_from_slice(b"WAVEfmt ");
        out.extend_from_slice(&16u32.to_le_bytes());
        out.extend_from_slice(&1u16.to_le_bytes()); // PCM
        out.extend_from_slice(&1u16.to_le_bytes()); // mono
        out.extend_from_slice(&RATE.to_le_bytes());
        out.extend_from_slice(&(RATE * 2).to_le_bytes());
        out.extend_from_slice(&2u16.to_le_bytes());
        out.extend_from_slice(&16u16.to_le_bytes());
        out.extend_from_slice(b"data");
        out.extend_from_slice(&data_len.to_le_bytes());
        for i in 0..samples {
            let value = if i < on {
                let t = f64::from(i) / f64::from(RATE);
                // A quarter of full scale: audible without clipping on phone codecs.
                ((2.0 * std::f64::consts::PI * 440.0 * t).sin() * 8_000.0) as i16
            } else {
                0
            };
            out.extend_from_slice(&value.to_le_bytes());
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tone_is_a_well_formed_five_second_wav() {
        let wav = ringback_wav();
        assert_eq!(&wav[0..4], b"RIFF");
        assert_eq!(&wav[8..16], b"WAVEfmt ");
        assert_eq!(wav.len(), 44 + 8_000 * 5 * 2);
        let sample = |i: usize| i16::from_le_bytes([wav[44 + 2 * i], wav[45 + 2 * i]]);
        assert!(
            (0..8_000).any(|i| sample(i) > 7_000),
            "the tone sounds during the first 1.5 s"
        );
        assert!((12_000..40_000).all(|i| sample(i) == 0), "then silence");
    }
}
