/// What to draw for the command line in a field of a given width: the visible slice of the
/// line and the cursor's column in that field.
public struct LineLayout: Sendable, Equatable {
    /// The visible part of the line, at most `width` columns wide.
    public var visibleText: String
    /// The cursor's column within the field (0-based).
    public var cursorColumn: Int
    /// True when part of the line is scrolled off to the left.
    public var isClippedLeft: Bool
    /// True when part of the line is scrolled off to the right.
    public var isClippedRight: Bool
}

extension LineEditor {
    /// Lays the line out in a field `width` columns wide, scrolling horizontally so that
    /// the cursor stays visible (the scroll position is kept between calls, so the text
    /// does not jump while the cursor moves inside the field).
    public mutating func layout(width: Int) -> LineLayout {
        let width = max(1, width)
        var columns: [Int] = []   // display column where each character starts
        columns.reserveCapacity(characters.count + 1)
        var column = 0
        for character in characters {
            columns.append(column)
            column += DisplayWidth.of(character)
        }
        let totalWidth = column
        let cursorStart = cursor < columns.count ? columns[cursor] : totalWidth
        let cursorWidth = cursor < characters.count ? max(1, DisplayWidth.of(characters[cursor])) : 1
        // Keep the cursor (and the character under it) inside the field; leave a margin of a
        // quarter of the field when scrolling so a few characters of context stay visible.
        let margin = width >= 8 ? width / 4 : 0
        if cursorStart < scrollColumn {
            scrollColumn = max(0, cursorStart - margin)
        } else if cursorStart + cursorWidth > scrollColumn + width {
            scrollColumn = cursorStart + cursorWidth - width + margin
        }
        // Never scroll further than needed to show the end of the line (and the cursor after it).
        scrollColumn = min(scrollColumn, max(0, totalWidth + 1 - width))
        if cursorStart + cursorWidth > scrollColumn + width { scrollColumn = cursorStart + cursorWidth - width }
        // A field narrower than a wide character shows the cursor at its left edge.
        scrollColumn = max(0, min(scrollColumn, cursorStart))

        var visible = ""
        var used = 0
        for (index, character) in characters.enumerated() {
            let start = columns[index]
            let characterWidth = DisplayWidth.of(character)
            if start < scrollColumn {
                // A wide character cut by the left edge shows as a blank for its visible half.
                if start + characterWidth > scrollColumn {
                    let part = start + characterWidth - scrollColumn
                    visible += String(repeating: " ", count: part)
                    used += part
                }
                continue
            }
            if used + characterWidth > width { break }
            visible.append(character)
            used += characterWidth
        }
        return LineLayout(visibleText: visible, cursorColumn: cursorStart - scrollColumn,
                          isClippedLeft: scrollColumn > 0, isClippedRight: totalWidth > scrollColumn + width)
    }
}
