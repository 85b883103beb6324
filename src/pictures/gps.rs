//! Where a picture says it was taken: the GPS position in its EXIF data.

use exif::{In, Tag, Value};

/// The latitude and longitude (decimal degrees) `bytes` carries, if any.
pub fn position(bytes: &[u8]) -> Option<(f64, f64)> {
    let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes)).ok()?;
    let degrees = |tag: Tag, reference: Tag, negative: u8| -> Option<f64> {
        let field = exif.get_field(tag, In::PRIMARY)?;
        let Value::Rational(parts) = &field.value else { return None };
        let [d, m, s] = parts.get(..3)? else { return None };
        let value = d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0;
        let negative = exif.get_field(reference, In::PRIMARY).is_some_and(|f| match &f.value {
            Value::Ascii(v) => v.first().and_then(|s| s.first()) == Some(&negative),
            _ => false,
        });
        value.is_finite().then_some(if negative { -value } else { value })
    };
    Some((
        degrees(Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S')?,
        degrees(Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W')?,
    ))
}
