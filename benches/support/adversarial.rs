//! Hostile inputs of a given size, shared by the adversarial bench and the
//! linear-time test.

#![allow(dead_code)]

/// `(name, text)` pairs, each text about `size` bytes.
pub fn inputs(size: usize) -> Vec<(&'static str, String)> {
    fn fill(unit: &str, size: usize) -> String {
        unit.repeat(size / unit.len().max(1) + 1)
    }
    let mut number = String::with_capacity(size);
    while number.len() < size {
        number.push_str("1234567890");
    }
    vec![
        ("slashes 1/1/1", fill("1/", size)),
        ("symbols 05-CT/05-CT", fill("05-CT/", size)),
        ("surnames Nguyễn Nguyễn", fill("Nguyễn ", size)),
        ("ngày ngày", fill("ngày ", size)),
        ("đồng chí đồng chí", fill("đồng chí ", size)),
        (
            "titles Phó Chủ tịch",
            fill("Phó Chủ tịch UBND tỉnh, ", size),
        ),
        ("capitals Ab Cd", fill("Hà Nội Long Biên ", size)),
        ("one number", number),
        ("one word", fill("ệ", size)),
        ("NBSP and marks", fill("\u{00A0}\u{0301}", size)),
        ("digits and dots", fill("1.2,3.", size)),
        ("percent signs", fill("5 % ", size)),
        ("dashes 2020-2020", fill("2020-", size)),
    ]
}
