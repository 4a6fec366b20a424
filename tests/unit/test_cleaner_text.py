"""Text-mode cleaning: chrome lines go with a reason, the body and its metadata stay."""

from __future__ import annotations

from newswire.cleaner.clean import clean_article
from newswire.cleaner.lines import classify
from newswire.core.records import RawArticle

BODY = [
    "The city council approved a new budget on Tuesday, raising spending on public transport by 12 percent "
    "after months of debate between the mayor and opposition parties.",
    "Council members said the money would pay for 40 new electric buses, longer night service and repairs "
    "to the tram network, which has suffered frequent breakdowns since last winter.",
    "Opposition leader Maria Lopez said the plan was too expensive, but she voted for it after the mayor "
    "agreed to publish quarterly reports on how the transport money is spent.",
    "The budget still needs approval from the regional government, which is expected to decide before "
    "the end of the month, according to officials familiar with the process.",
    "Transport unions welcomed the decision and said the extra night service would help thousands of "
    "shift workers who currently rely on taxis or long walks to get home.",
]


def _page() -> str:
    return "\n".join([
        "Skip to content",
        "Home",
        "News",
        "Sports",
        "City council approves transport budget",
        "by Jane Roe and John Smith March 3, 2024 10:15 AM",
        *BODY[:2],
        "A tram crosses the central bridge in the city centre. (Photo: John Smith/Reuters)",
        "A tram crosses the central bridge in the city centre. (Photo: John Smith/Reuters)",
        *BODY[2:],
        "Mayor unveils plan for new stadium",
        "The mayor has unveiled an ambitious plan to build a new football stadium on the site of the old port, "
        "with construction expected to start in two years and finish before the continental champion…",
        "News Feed",
        "8:06 AM",
        "Storm warning issued for the coast as winds reach 100 kilometres an hour across the region tonight.",
        "Enter your email to subscribe",
        "* indicates required",
        "Subscribe",
        "Leave a Reply",
    ])


def test_text_mode_keeps_body_and_drops_chrome_with_reasons() -> None:
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text=_page()))
    for para in BODY:
        assert para in clean.text
    for junk in ("Skip to content", "Enter your email", "News Feed", "Storm warning", "Leave a Reply",
                 "Subscribe", "stadium on the site", "indicates required"):
        assert junk not in clean.text, junk
    reasons = {r.reason for r in clean.removed}
    assert {"navigation", "newsletter", "byline", "truncated_teaser"} <= reasons
    assert clean.input_format == "text"
    assert clean.input_chars == len(_page())


def test_byline_moves_into_metadata() -> None:
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text=_page()))
    assert clean.authors == ["Jane Roe", "John Smith"]
    assert clean.published_at == "2024-03-03"
    assert clean.title == "City council approves transport budget"
    assert "by Jane Roe" not in clean.text
    assert clean.language == "en"


def test_photo_captions_with_a_credit_are_dropped() -> None:
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text=_page()))
    assert "A tram crosses the central bridge" not in clean.text
    assert {"caption", "caption_repeat"} <= {r.reason for r in clean.removed}
    caption = ("Firefighters work at the site of a Russian strike in Kyiv, Ukraine, Thursday, Dec. 12, 2024. "
               "(AP Photo/Efrem Lukatsky)")
    acronym = "The patients' records are kept in an electronic file, the Elektronische Patientenakte (ePA)."
    page = "\n".join(["Home", "News", *BODY[:2], caption, acronym, *BODY[2:]])
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text=page))
    assert clean.text == "\n\n".join([*BODY[:2], acronym, *BODY[2:]])


def test_off_topic_paragraph_dropped() -> None:
    stray = ("Such a scenario would represent a notable degree of ticket-splitting among suburban voters, "
             "perpetuating a trend captured by surveys throughout this election cycle in swing districts.")
    verdict = classify("\n".join(BODY + ["Already a subscriber? Log in.", stray]))
    assert stray not in verdict.kept
    assert (stray, "off_topic") in verdict.removed
    assert all(p in verdict.kept for p in BODY)


def test_paywall_and_consent_lines() -> None:
    text = "\n".join(BODY + [
        "We are having trouble retrieving the article content.",
        "Please enable JavaScript in your browser settings.",
        "Already a subscriber? Log in.",
    ])
    verdict = classify(text)
    removed = dict(verdict.removed)
    assert removed["We are having trouble retrieving the article content."] == "paywall"
    assert removed["Please enable JavaScript in your browser settings."] == "consent"
    assert removed["Already a subscriber? Log in."] == "paywall"


GERMAN = [
    "Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen und die Ausgaben für den öffentlichen "
    "Nahverkehr um zwölf Prozent erhöht, nachdem monatelang gestritten worden war.",
    "Mit dem Geld sollen vierzig neue Elektrobusse angeschafft, der Nachtverkehr verlängert und das "
    "Straßenbahnnetz repariert werden, das seit dem letzten Winter häufig ausfällt.",
    "Die Opposition hielt den Plan für zu teuer, stimmte aber zu, nachdem der Bürgermeister versprochen "
    "hatte, vierteljährlich über die Verwendung der Mittel zu berichten.",
    "Die Gewerkschaften begrüßten die Entscheidung und erklärten, der zusätzliche Nachtverkehr helfe "
    "tausenden Schichtarbeitern, die bisher auf Taxis angewiesen sind.",
]
ARABIC = [
    "وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة ترفع الإنفاق على النقل العام بنسبة اثني عشر في المئة "
    "بعد أشهر من النقاش بين رئيس البلدية وأحزاب المعارضة في المجلس.",
    "وقال أعضاء المجلس إن الأموال ستخصص لشراء أربعين حافلة كهربائية جديدة وتمديد خدمة النقل الليلي "
    "وإصلاح شبكة الترام التي تعطلت مرارا منذ الشتاء الماضي.",
    "وقالت زعيمة المعارضة إن الخطة مكلفة للغاية لكنها صوتت لصالحها بعد أن وافق رئيس البلدية على نشر "
    "تقارير فصلية عن كيفية إنفاق أموال النقل العام.",
    "ورحبت نقابات النقل بالقرار وقالت إن الخدمة الليلية الإضافية ستساعد آلاف العمال الذين يعتمدون حاليا "
    "على سيارات الأجرة أو المشي لمسافات طويلة للعودة إلى منازلهم.",
]


def test_german_page_is_not_wiped() -> None:
    text = "\n".join(["Startseite", "Suche", "Teilen", *GERMAN, "Weitere Artikel", "Alle Rechte vorbehalten"])
    clean = clean_article(RawArticle(url="https://example.de/a", source="de", text=text))
    for para in GERMAN:
        assert para in clean.text
    assert "Startseite" not in clean.text and "Teilen" not in clean.text
    assert clean.language == "de"
    assert not clean.spam.is_spam


def test_arabic_page_is_not_wiped() -> None:
    text = "\n".join(["الرئيسية", "بحث", "مشاركة", *ARABIC, "اقرأ أيضا", "جميع الحقوق محفوظة"])
    clean = clean_article(RawArticle(url="https://example.com/ar", source="ar", text=text))
    for para in ARABIC:
        assert para in clean.text
    assert "الرئيسية" not in clean.text and "جميع الحقوق محفوظة" not in clean.text
    assert clean.language == "ar"


def test_interview_questions_repeated_are_kept_but_adjacent_copies_are_not() -> None:
    q = "What inspired you to start cooking for other people?"
    text = "\n".join([BODY[0], q, BODY[1], q, BODY[2], BODY[3], BODY[3]])
    verdict = classify(text, region=False)
    assert verdict.kept.count(q) == 2
    assert verdict.kept.count(BODY[3]) == 1


def test_short_closing_sentence_is_kept() -> None:
    closing = "The new budget takes effect on July 1."
    verdict = classify("\n".join(["Home", "News", *BODY, closing, "Leave a Reply", "Subscribe"]))
    assert closing in verdict.kept
    assert "Leave a Reply" not in verdict.kept


def test_lead_cut_off_by_a_widget_is_kept() -> None:
    lead = ("The city council approved the transport budget late on Tuesday, raising spending on buses, "
            "trams and night services after a long public debate about fares.")
    widget = ["Ticker", "Last", "Change", "CITY", "12.40", "-0.3%", "BUS", "8.10", "+1.2%", "TRAM", "3.33", "-2%"]
    verdict = classify("\n".join(["Home", "News", lead, *widget, *BODY]))
    assert lead in verdict.kept
    assert "Ticker" not in verdict.kept
    assert all(p in verdict.kept for p in BODY)


def test_headline_only_item_keeps_its_text() -> None:
    clean = clean_article(RawArticle(url="https://example.org/f", source="f",
                                     text="Esther Williams, swimming star, dies at 91."))
    assert clean.text == "Esther Williams, swimming star, dies at 91."


def test_single_sentences_pass_through_untouched() -> None:
    for sentence in (
        "By the way, I went there once, and we went inside and drove in, and there was a huge poster.",
        "By Russia or anybody else.",
        "I subscribe to the Justice Potter Stewart standard.",
        "Senator Obama has asked for nearly $1 billion in pork-barrel earmark projects...",
    ):
        clean = clean_article(RawArticle(url="https://example.org/s", source="s", text=sentence))
        assert clean.text == sentence, sentence


def test_sentence_split_at_links_is_joined_back() -> None:
    split = ["Officials told", "Reuters", "on Monday that the plan, approved by", "the regional council",
             ", would cost 45 million euros over five years and start in June."]
    verdict = classify("\n".join(["Home", "News", *BODY[:2], *split, *BODY[2:]]))
    joined = ("Officials told Reuters on Monday that the plan, approved by the regional council, "
              "would cost 45 million euros over five years and start in June.")
    assert any("on Monday that the plan, approved by the regional council, would cost" in k for k in verdict.kept)
    assert joined.split(" Reuters ")[1] in " ".join(verdict.kept)


def test_short_sentence_paragraphs_are_body_not_titles() -> None:
    short = ["The mayor resigned on Monday after the vote.", "Police said two people were hurt.",
             "The road stayed closed for six hours.", "Residents were told to stay inside.",
             "The fire started in a warehouse at noon.", "Nobody has claimed responsibility so far.",
             "Officials will give an update on Tuesday.", "The investigation is continuing, police said."]
    verdict = classify("\n".join(["Home", "News", "Sport", "Weather", *short, "Related", "Other story", "Contact us"]))
    assert verdict.kept == short
    assert verdict.title is None


def test_inline_read_more_widget_does_not_split_the_body() -> None:
    verdict = classify("\n".join(["Home", "News", BODY[0], BODY[1], "Read more:",
                                  "Mayor unveils plan for a new stadium", *BODY[2:]]))
    assert all(p in verdict.kept for p in BODY)
    assert "Mayor unveils plan for a new stadium" not in verdict.kept


def test_names_split_out_by_inline_tags_are_joined() -> None:
    split = ["News on the fourth film came as Noah Hawley, best known for creating FX's", "Legion", "and",
             "Fargo", ", is in final talks to write and direct it, according to reports on Tuesday."]
    verdict = classify("\n".join(["Home", "News", *BODY[:2], *split, *BODY[2:]]))
    assert any("creating FX's Legion and Fargo, is in final talks" in k for k in verdict.kept)


def test_inline_teaser_with_its_label_on_the_same_line_is_dropped() -> None:
    teasers = ["RELATED: Zelenskyy says Ukraine needs more air defense systems for the winter",
               "Read more: Mayor unveils plan for a new football stadium by the old port",
               "Lesen Sie auch: Wärmepumpen: Was Eigentümer jetzt wissen müssen",
               "ALSO READ | Five things to know about the new transport budget"]
    verdict = classify("\n".join(["Home", "News", BODY[0], BODY[1], teasers[0], BODY[2], teasers[1],
                                  teasers[2], BODY[3], teasers[3], BODY[4]]))
    assert verdict.kept == BODY
    assert {r for t, r in verdict.removed if t in teasers} == {"related_list"}


def test_sentences_mentioning_related_or_watch_are_kept() -> None:
    lines = ["Related charges were filed against two other men on Friday, prosecutors said.",
             "Watch: that was the word the coach shouted before every play, a former player said."]
    verdict = classify("\n".join([BODY[0], BODY[1], *lines, *BODY[2:]]))
    assert verdict.kept == [BODY[0], BODY[1], *lines, *BODY[2:]]


def test_wire_credits_and_standing_notes_are_dropped() -> None:
    trailer = [
        "Reporting by Arathy Somasekhar in Houston; Additional reporting by Alex Lawler in London and Colleen "
        "Howe in Beijing; Editing by David Gregorio and Leslie Adler",
        "(Reporting by Jane Roe; Writing by John Smith; Editing by Mark Potter)",
        "Associated Press writers Hanna Arhirova in Kyiv and Lorne Cook in Brussels contributed to this report.",
        "Our Standards: The Thomson Reuters Trust Principles., opens new tab",
        "This is a developing story. Check back for updates.",
        "Support local journalism. Subscribe today for just $1 a week.",
        "Reporting by Jane Roe in Kyiv.",
        "Writing by John Smith and Mark Potter",
    ]
    for line in trailer:
        verdict = classify("\n".join(["Home", "News", *BODY, line]))
        assert verdict.kept == BODY, line
        verdict = classify("\n".join(["Home", "News", *BODY[:3], line, *BODY[3:]]))
        assert verdict.kept == BODY, line


def test_sentences_about_reporting_and_subscribers_stay() -> None:
    lines = ["Reporting by The Washington Post last year found that the agency had ignored dozens of warnings.",
             "The newspaper said its subscribers had grown to 40,000 after it started charging $1 a week online.",
             "Produced by volunteers, the survey covered 1,200 homes.",
             "Research by the university found 3 cases."]
    verdict = classify("\n".join([*BODY[:3], *lines, *BODY[3:]]))
    assert verdict.kept == [*BODY[:3], *lines, *BODY[3:]]


def test_tv_station_byline_and_dateline_lines_are_metadata() -> None:
    page = ["KSDK", "Weather", "Traffic", "Crews battle 3-alarm fire at vacant warehouse in north St. Louis",
            "Author: Jane Doe (KSDK)", "Published: 6:12 AM CST January 9, 2024", *BODY]
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text="\n".join(page)))
    assert clean.title == "Crews battle 3-alarm fire at vacant warehouse in north St. Louis"
    assert clean.authors == ["Jane Doe"]
    assert clean.published_at == "2024-01-09"
    assert clean.text == "\n\n".join(BODY)


def test_date_name_and_email_lines_are_not_joined_into_one() -> None:
    page = ["The Daily Gazette", "NEWS", "School board votes to close two elementary schools",
            "Posted Monday, March 4, 2024 7:00 pm", "Mark Thompson, Staff Writer", "mthompson@dailygazette.com",
            *BODY]
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text="\n".join(page)))
    assert clean.published_at == "2024-03-04"
    assert clean.text == "\n\n".join(BODY)
    assert "mthompson@dailygazette.com" in [t for r in clean.removed for t in r.text.split("\n")]


def test_author_bio_at_the_end_is_dropped() -> None:
    bios = ["Jane Roe is an energy correspondent covering oil markets from Houston. She previously worked at "
            "S&P Global Platts.",
            "Jane Roe covers city hall for The Daily Gazette. Reach her at 555-0123.",
            "Contact the reporter at jroe@gazette.com or follow her on X @janeroe."]
    for bio in bios:
        page = ["Home", "Council approves transport budget", "By Jane Roe", *BODY, bio, "Comments"]
        clean = clean_article(RawArticle(url="https://example.org/a", source="example", text="\n".join(page)))
        assert clean.authors == ["Jane Roe"]
        assert clean.text == "\n\n".join(BODY), bio
        assert any(r.reason == "author_bio" for r in clean.removed)


def test_a_closing_sentence_naming_someone_else_stays() -> None:
    last = "John Smith is expected to announce his decision on the budget next week, officials said."
    page = ["Home", "Council approves transport budget", "By Jane Roe", *BODY, last]
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text="\n".join(page)))
    assert clean.text == "\n\n".join([*BODY, last])


def test_ordinary_words_in_article_sentences_are_kept() -> None:
    lines = ["Shares of Apple fell 3% after the company said its photo app would cost subscribers more.",
             "Police followed the suspect for several blocks before arresting him, a spokesperson said.",
             "The newspaper has 40,000 subscribers and sells advertisement space to local shops.",
             "Key findings:", "Residents were asked to read the notice and share it with neighbours."]
    verdict = classify("\n".join([*BODY[:3], *lines, *BODY[3:]]))
    assert verdict.kept == [*BODY[:3], *lines, *BODY[3:]]


def test_sentences_reporting_on_privacy_newsletters_and_paywalls_are_kept() -> None:
    lines = [
        "European regulators fined Meta 1.2 billion euros on Monday for failing to obtain valid consent "
        "before tracking users across its apps.",
        "The GDPR requires companies to explain clearly what data they collect and why, the regulator said.",
        "The newsletter, which reaches more than 200,000 readers every week, was sold to a media group.",
        "Investigators said the suspect used a fake email address to contact at least 40 victims.",
        "Users who unsubscribe from the service will lose access to their stored photos, the company said.",
        "The cookie maker said sales rose 8 percent in the quarter, helped by strong demand in Asia.",
        "The ad blocker company said it had 300 million users.",
        "Paywall revenue grew 20 percent last year, the publisher said in its annual report.",
        "Many voters share this concern, according to a poll published on Sunday.",
        "The festival was sponsored by a local bank for the third year in a row.",
        '"We will not consent to a deal that hurts our farmers," the minister told reporters.',
    ]
    verdict = classify("\n".join(["Home", "News", *BODY[:3], *lines, *BODY[3:]]))
    assert verdict.kept == [*BODY[:3], *lines, *BODY[3:]]


def test_reader_facing_privacy_and_newsletter_lines_still_go() -> None:
    chrome = ["We use cookies to improve your experience.", "This site uses cookies.", "Cookie Policy",
              "Manage consent", "Email address", "Please disable your ad blocker to continue.",
              "You have 2 free articles remaining this month.", "Get our free newsletter",
              "Unsubscribe at any time.", "Sponsored by Acme Bank", "Accept all"]
    for line in chrome:
        verdict = classify("\n".join(["Home", "News", *BODY[:3], line, *BODY[3:]]))
        assert verdict.kept == BODY, line


def test_sentences_opening_with_published_or_posted_are_kept() -> None:
    lines = ["Published in 1851, the novel was largely ignored by critics during the author's lifetime.",
             "Posted guards were stationed at every entrance to the courthouse throughout the trial."]
    verdict = classify("\n".join(["Home", "News", *BODY[:3], *lines, *BODY[3:]]))
    assert verdict.kept == [*BODY[:3], *lines, *BODY[3:]]
    stamps = ["Updated 3:45 PM EST", "Published: Dec. 12, 2024", "Posted on Thursday", "Last updated 2 hours ago",
              "Updated Thursday, Dec 12", "Published yesterday"]
    for stamp in stamps:
        verdict = classify("\n".join(["Home", "News", *BODY[:3], stamp, *BODY[3:]]))
        assert verdict.kept == BODY, stamp


WIDGET_LINES = [
    "Article continues below", "Story continues below advertisement", "Listen to article", "Link copied!",
    "Gift this article", "Show caption", "Enlarge this image", "Photo", "Recommended Stories",
    "Video Player is loading.", "This video can not be played", "Ad Feedback", "Skip Ad", "Scroll to continue",
    "Text size", "A A A", "Close dialog", "Have a news tip? Email us at tips@example.com.",
    "Did you find this article useful?", "Was this article helpful?",
    "Follow the latest on the war in Ukraine here.", "For more news, visit our homepage.",
    "Download our free app", "Do Not Sell My Personal Information", "This report was produced by the Associated Press.",
    "(AP Photo/John Doe)", "Associated Press", "Join our WhatsApp channel", "Follow on Google News",
    "Turn on notifications", "Login to comment", "Read 12 comments", "Sort by: Newest", "Report this comment",
    "Like Loading...", "Next article", "Up next", "Keep reading", "Page 1 of 3", "You may also be interested in",
    "Sponsored Links by Taboola", "You've reached your limit of free articles",
]


def test_widget_lines_inside_the_body_are_dropped() -> None:
    for widget in WIDGET_LINES:
        verdict = classify("\n".join(["Home", "News", *BODY[:3], widget, *BODY[3:]]))
        assert verdict.kept == BODY, widget


def test_lead_before_an_ad_marker_and_a_widget_is_kept() -> None:
    lead = ("The city council approved the transport budget late on Tuesday, raising spending on buses, "
            "trams and night services after a long public debate about fares.")
    widget = ["Continue Reading Below", "Ticker", "Last", "Change", "CITY", "12.40", "-0.3%", "BUS", "8.10"]
    verdict = classify("\n".join(["Home", "News", lead, *widget, *BODY]))
    assert verdict.kept == [lead, *BODY]


def test_a_long_token_is_not_a_headline() -> None:
    page = ["The Daily Gazette", "NEWS", "School board votes to close two elementary schools",
            "Posted Monday, March 4, 2024 7:00 pm", "mthompson@dailygazette.com", *BODY]
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text="\n".join(page)))
    assert clean.title == "School board votes to close two elementary schools"


def test_french_dateline_and_reading_time_are_not_title_or_body() -> None:
    page = ["Accueil", "International", "Le Parlement adopte la réforme des retraites après des mois de contestation",
            "Par Marie Dupont", "Publié le 12 mars 2024 à 18h30, mis à jour à 19h05", "Temps de lecture : 3 min.",
            *FRENCH]
    clean = clean_article(RawArticle(url="https://example.org/a", source="example", text="\n".join(page)))
    assert clean.title == "Le Parlement adopte la réforme des retraites après des mois de contestation"
    assert clean.published_at == "2024-03-12"
    assert clean.text == "\n\n".join(FRENCH)


FRENCH = [
    "Le Parlement a définitivement adopté mardi la réforme des retraites, qui repousse l'âge légal de départ "
    "de 62 à 64 ans, après des mois de manifestations dans tout le pays.",
    "Le texte a été voté par 289 députés, contre 250, lors d'un scrutin très serré à l'Assemblée nationale.",
    "Les syndicats ont appelé à une nouvelle journée de mobilisation jeudi, dans toutes les grandes villes.",
    "Le gouvernement espère une entrée en vigueur de la réforme dès le mois de septembre, selon le ministre.",
]
