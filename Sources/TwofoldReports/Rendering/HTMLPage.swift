/// The page every HTML document Twofold writes is built on: one self-contained file with
/// the shared style sheet (plus any rules of its own) inline, no script and no URL.
enum HTMLPage {
    /// `title` and `footer` are escaped here; `body` is already HTML.
    static func document(title: String, css: String = "", body: [String], footer: String) -> String {
        let e = HTMLText.escape
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        \(HTMLStyle.css)
        \(css)
        </style>
        </head>
        <body>
        <main>
        \(body.joined(separator: "\n"))
        <footer>\(e(footer))</footer>
        </main>
        </body>
        </html>

        """
    }
}
