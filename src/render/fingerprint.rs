//! Fingerprints of what a file of the site is made of.
//!
//! A page is rendered from a context (the values its template receives); a
//! data file or a feed from a few inputs. Their fingerprint is a hash of that
//! context or those inputs, taken through serde with a serializer that feeds
//! a hasher, so it covers exactly what the file is made of: nothing to list by
//! hand, nothing to forget. Two files with equal fingerprints (and the same
//! templates, words and settings) are the same bytes.
//!
//! Large parts that many files share (an incident's row, a rendered body)
//! carry a fingerprint taken once, from their content, and wrapped in
//! [`Hashed`]: the hasher takes that number instead of walking the part again.
//! Parts that are costly to produce and only needed to render (an SVG map)
//! are given by their inputs and produced when rendered ([`Lazy`]).

use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher as _};

use serde::ser::{self, Serialize, Serializer};

/// The hasher fingerprints are taken with: fast, of good quality, and the
/// same in every run (a fixed seed), so equal inputs give equal numbers.
pub type Hasher = foldhash::quality::FoldHasher<'static>;

/// A new fingerprint hasher.
pub fn hasher() -> Hasher {
    foldhash::quality::FixedState::with_seed(0x5174_7265_7000_0001).build_hasher()
}

/// The fingerprint of `value`: a hash of everything it serialises to.
pub fn of<T: Serialize + ?Sized>(value: &T) -> u64 {
    let mut h = hasher();
    let _ = value.serialize(Hashing(&mut h));
    h.finish()
}

/// Hashes `value` into `h`.
pub fn feed<T: Serialize + ?Sized>(h: &mut Hasher, value: &T) {
    let _ = value.serialize(Hashing(h));
}

/// The fingerprint of `value` by its `Hash` implementation.
pub fn of_hash<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

/// A part with a fingerprint taken from its content when it was made:
/// rendered as the part itself, hashed as the number.
pub struct Hashed<'a, T: ?Sized> {
    /// The part.
    pub value: &'a T,
    /// Its fingerprint.
    pub fingerprint: u64,
}

impl<'a, T: ?Sized> Hashed<'a, T> {
    /// `value` with its `fingerprint`.
    pub fn new(value: &'a T, fingerprint: u64) -> Self {
        Hashed { value, fingerprint }
    }
}

impl<T: Serialize + ?Sized> Serialize for Hashed<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.value.serialize(serializer)
        } else {
            serializer.serialize_u64(self.fingerprint)
        }
    }
}

/// A part given by its inputs (hashed) and produced only when rendered.
pub struct Lazy<I, F> {
    inputs: I,
    make: F,
}

impl<I: Serialize, O: Serialize, F: Fn(&I) -> O> Lazy<I, F> {
    /// A part made by `make` from `inputs`, a pure function of them (and of
    /// what every file's fingerprint already covers: the theme, the words,
    /// the settings).
    pub fn new(inputs: I, make: F) -> Self {
        Lazy { inputs, make }
    }
}

impl<I: Serialize, O: Serialize, F: Fn(&I) -> O> Serialize for Lazy<I, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            (self.make)(&self.inputs).serialize(serializer)
        } else {
            self.inputs.serialize(serializer)
        }
    }
}

/// Never fails; serde wants an error type all the same.
#[derive(Debug)]
pub struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("fingerprinting cannot fail")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

/// The serializer that feeds a hasher. Every value is tagged with its kind,
/// and every sequence and map is closed, so different shapes never collide
/// by construction.
struct Hashing<'h>(&'h mut Hasher);

macro_rules! hash_as {
    ($($method:ident($ty:ty) = $tag:expr),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), Never> {
            $tag.hash(self.0);
            v.hash(self.0);
            Ok(())
        })*
    };
}

impl<'h> Serializer for Hashing<'h> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    fn is_human_readable(&self) -> bool {
        false
    }

    hash_as! {
        serialize_bool(bool) = 1u8,
        serialize_i8(i8) = 2u8,
        serialize_i16(i16) = 3u8,
        serialize_i32(i32) = 4u8,
        serialize_i64(i64) = 5u8,
        serialize_u8(u8) = 6u8,
        serialize_u16(u16) = 7u8,
        serialize_u32(u32) = 8u8,
        serialize_u64(u64) = 9u8,
        serialize_char(char) = 10u8,
        serialize_str(&str) = 11u8,
        serialize_bytes(&[u8]) = 12u8,
        serialize_i128(i128) = 13u8,
        serialize_u128(u128) = 14u8,
    }

    fn serialize_f32(self, v: f32) -> Result<(), Never> {
        15u8.hash(self.0);
        v.to_bits().hash(self.0);
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Never> {
        16u8.hash(self.0);
        v.to_bits().hash(self.0);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Never> {
        17u8.hash(self.0);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        18u8.hash(self.0);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Never> {
        19u8.hash(self.0);
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Never> {
        (20u8, name).hash(self.0);
        Ok(())
    }

    fn serialize_unit_variant(self, name: &'static str, index: u32, _: &'static str) -> Result<(), Never> {
        (21u8, name, index).hash(self.0);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        (22u8, name, index).hash(self.0);
        value.serialize(self)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Never> {
        23u8.hash(self.0);
        Ok(self)
    }

    fn serialize_tuple(self, _: usize) -> Result<Self, Never> {
        24u8.hash(self.0);
        Ok(self)
    }

    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Self, Never> {
        (25u8, name).hash(self.0);
        Ok(self)
    }

    fn serialize_tuple_variant(self, name: &'static str, index: u32, _: &'static str, _: usize) -> Result<Self, Never> {
        (26u8, name, index).hash(self.0);
        Ok(self)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self, Never> {
        27u8.hash(self.0);
        Ok(self)
    }

    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self, Never> {
        (28u8, name).hash(self.0);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Never> {
        (29u8, name, index).hash(self.0);
        Ok(self)
    }
}

impl Hashing<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        30u8.hash(self.0);
        value.serialize(Hashing(self.0))
    }

    fn close(self) -> Result<(), Never> {
        31u8.hash(self.0);
        Ok(())
    }
}

macro_rules! compound {
    ($trait:ident, $method:ident) => {
        impl ser::$trait for Hashing<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
                self.element(value)
            }
            fn end(self) -> Result<(), Never> {
                self.close()
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for Hashing<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        self.element(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        self.element(value)
    }
    fn end(self) -> Result<(), Never> {
        self.close()
    }
}

/// A struct's fields are hashed with their names.
macro_rules! keyed {
    ($trait:ident) => {
        impl ser::$trait for Hashing<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Never> {
                key.hash(self.0);
                self.element(value)
            }
            fn end(self) -> Result<(), Never> {
                self.close()
            }
        }
    };
}

keyed!(SerializeStruct);
keyed!(SerializeStructVariant);

/// One part of a context, turned into a Tera value when the page is rendered.
type Part<'a> = Box<dyn FnOnce(&mut tera::Context) + 'a>;

/// What a template page receives, gathered part by part: each part is hashed
/// as it is added (the page's fingerprint), and turned into Tera values only
/// if the page is rendered.
pub struct PageContext<'a> {
    parts: Vec<Part<'a>>,
    hasher: Hasher,
    /// False when only the fingerprint is wanted: parts are hashed, not kept.
    keep: bool,
}

impl Default for PageContext<'_> {
    fn default() -> Self {
        PageContext { parts: Vec::new(), hasher: hasher(), keep: true }
    }
}

impl<'a> PageContext<'a> {
    /// An empty context.
    pub fn new() -> Self {
        PageContext::default()
    }

    /// An empty context that only takes the fingerprint of what is added
    /// (most pages of a live preview are not rendered again).
    pub fn fingerprint_only() -> Self {
        PageContext { keep: false, ..PageContext::default() }
    }

    /// Adds `value` as `key`.
    pub fn insert<T: Serialize + 'a>(&mut self, key: &'static str, value: T) {
        key.hash(&mut self.hasher);
        feed(&mut self.hasher, &value);
        if self.keep {
            self.parts.push(Box::new(move |ctx: &mut tera::Context| ctx.insert(key, &value)));
        }
    }

    /// The fingerprint of everything added.
    pub fn fingerprint(&self) -> u64 {
        self.hasher.finish()
    }

    /// The Tera context, made now (lazy parts are produced here).
    pub fn into_tera(self) -> tera::Context {
        let mut ctx = tera::Context::new();
        for part in self.parts {
            part(&mut ctx);
        }
        ctx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Page<'a> {
        title: &'a str,
        rows: Vec<Hashed<'a, str>>,
        n: Option<u32>,
    }

    #[test]
    fn equal_inputs_give_equal_fingerprints_and_any_change_shows() {
        let body = "a long body".to_string();
        let page = |title, fp, n| of(&Page { title, rows: vec![Hashed::new(body.as_str(), fp)], n });
        assert_eq!(page("A", 1, Some(2)), page("A", 1, Some(2)));
        assert_ne!(page("A", 1, Some(2)), page("B", 1, Some(2)));
        assert_ne!(page("A", 1, Some(2)), page("A", 2, Some(2)));
        assert_ne!(page("A", 1, Some(2)), page("A", 1, None));
        // Shapes do not collide: ["ab"] and ["a", "b"].
        assert_ne!(of(&vec!["ab"]), of(&vec!["a", "b"]));
    }

    #[test]
    fn hashed_and_lazy_parts_render_as_themselves() {
        let lazy = Lazy::new(3u32, |n: &u32| "x".repeat(*n as usize));
        assert_eq!(serde_json::to_string(&lazy).unwrap(), "\"xxx\"");
        assert_eq!(of(&lazy), of(&3u32));
        let hashed = Hashed::new("text", 42);
        assert_eq!(serde_json::to_string(&hashed).unwrap(), "\"text\"");
        assert_eq!(of(&hashed), of(&42u64));
        let mut ctx = PageContext::new();
        ctx.insert("map", lazy);
        let mut only = PageContext::fingerprint_only();
        only.insert("map", Lazy::new(3u32, |n: &u32| "x".repeat(*n as usize)));
        assert_eq!(only.fingerprint(), ctx.fingerprint(), "the same fingerprint, kept or not");
        let tera = ctx.into_tera();
        assert_eq!(tera.get("map").map(|v| v.to_string()), Some("xxx".to_string()));
    }
}
