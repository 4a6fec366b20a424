"""Cleaning stage: HTML or flattened text in, the article body with metadata and reasons out.

Pure modules (no Faust, no network; `app.py` wires them to topics):

    clean.py     clean_article(raw) -> CleanArticle: the entry point; never raises
    dom.py       lexbor parse, prune in C, one walk to text blocks with DOM signals; visible_text()
    extract.py   main-content selection over those blocks (density, links, class/id, siblings)
    lines.py     line classifier for flattened text: chrome, repeats, bylines, title; orchestrates
    region.py    where the body sits among the lines; teasers, menu runs and off-topic paragraphs in it
    features.py  per-line features (sentence shape, menus, headlines, topic vocabulary)
    lexicon.py   multilingual boilerplate phrases, end-of-article headings, spam vocabulary
    meta.py      bylines, dates (ISO), language guess
    spam.py      spam verdict and page quality
    evaluate.py  `newswire eval clean`: zyte-dev HTML and text mode, the seeds, speed
"""
