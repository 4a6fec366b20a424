"""Grammatical gender of people named in an article, so "she said" is not given to the last man named.

Evidence, strongest first: a title before the name (Mr., Mrs., Ms.), a gendered role word
(spokeswoman, chairman, actress, mother), then the first name against short lists of common
given names (English-language news and world leaders; names used for both are left out).
No evidence means unknown, and an unknown person can be "he" or "she".
"""

from __future__ import annotations

FEMALE = "f"
MALE = "m"

_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
    ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
    cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
    rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria lauren
    christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison
    frances kathryn janice abigail alice judy sophia grace denise amber doris marilyn danielle beverly
    isabella theresa diana natalie brittany charlotte marie kayla alexis lori ava mia chloe ella zoe lily
    hillary kamala nancy ilhan alexandria elise kristi gretchen kathy tulsi amy marsha lindsey liz nikki
    angela ursula jacinda giorgia christine kristalina ngozi sanna mette annalena golda indira
    benazir aung yulia svetlana olena maria natalia irina tatiana olga anastasia yekaterina galina
    fatima aisha ayesha leila layla noor priya sonia sonya nadia yasmin zainab malala meryl oprah
    beyonce rihanna adele madonna britney serena venus simone megan greta jane janet kate katie claire clara
    sophie lucy amelia isla harriet eleanor louise fiona moira siobhan aoife niamh margot nina vera eva
    ingrid astrid helga heidi petra monika sabine ulrike carmen lucia elena isabel rosa ana beatriz camila
    valentina daniela gabriela mariana fernanda francesca giulia chiara alessandra federica martina sofia
    letitia tamara tanya wendy yvonne gwen jill joanne joanna judith jodi kristen kristin krista
    marcia maureen melanie meredith miranda molly naomi natasha paula peggy penelope penny phyllis rita
    roberta rosemary roxanne sally sheila stacy stacey susanna suzanne sylvia valerie vanessa veronica
    vivian whitney yolanda georgia jordan""".split()
)
_MALE_NAMES = frozenset(
    """james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony
    mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
    jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander
    frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
    ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent
    ralph eugene russell bobby mason philip louis harry fred bill jim tom mike dave steve chuck ted rick
    barack mitt mitch chuck kevin ron rand marco ted lindsey bernie joe rudy rudolph gordon kurt alexander
    vladimir volodymyr dmitry sergei sergey igor oleg alexei alexey mikhail nikolai yuri viktor andriy
    oleksandr oleksiy petro xi li wang zhang narendra rahul imran nawaz recep emmanuel francois nicolas
    jacques olaf boris rishi keir tony gordon david justin pierre benjamin yair naftali bibi ehud
    mahmoud ismail hassan mohammed muhammad mohammad ahmed ali omar abdullah khalid faisal salman ibrahim
    yusuf mustafa kemal bashar hosni anwar recep viktor andrzej mateusz lech donald jair luiz lula javier
    pedro carlos miguel luis jorge alejandro diego fernando ricardo eduardo rafael sergio mario giuseppe
    giorgio matteo silvio enzo luca marco paolo franco hans klaus wolfgang helmut gerhard jurgen dieter
    friedrich heinz horst karl manfred stefan uwe pieter jan willem hendrik lars sven erik anders magnus
    nils olav mark elon jeff tim satya sundar larry sergey warren bill steve jack reed marc cam ryan zach
    tom len bruno ben joel nick matt dan josh jake luke max leo oscar hugo felix otto ivan boris
    abraham isaac moses aaron solomon clarence calvin herbert franklin dwight lyndon richard gerald ronald
    jimmy woodrow theodore ulysses grover chester rutherford warren martin malcolm nelson desmond kofi
    ban antonio jens volker wladimir gregg greg craig doug glenn howard jay leon lloyd marvin neil
    norman phil ray rex ross stanley stuart todd troy vernon victor wesley hugh ike jeb wally chad israel
    jordan""".split()
)
_FEMALE_WORDS = frozenset(
    """mrs mrs. ms ms. miss madam madame lady dame queen princess duchess countess spokeswoman chairwoman
    congresswoman businesswoman councilwoman policewoman actress waitress mother wife daughter sister
    grandmother aunt niece widow girlfriend woman girl mom""".split()
)
_MALE_WORDS = frozenset(
    """mr mr. sir lord king prince duke spokesman chairman congressman businessman councilman
    policeman actor waiter father husband son brother grandfather uncle nephew widower boyfriend man boy
    dad""".split()
)
_BOTH = _FEMALE_NAMES & _MALE_NAMES
_GIVEN_NAMES = _FEMALE_NAMES | _MALE_NAMES


def _given(name: str) -> str:
    """A full name's first word, lower-cased, as the given-name lists hold it."""
    return name.split(" ", 1)[0].lower().rstrip(".")


def of_name(name: str) -> str | None:
    """The gender a person's full name suggests by its given name, or None."""
    first = _given(name)
    if first in _BOTH:
        return None
    if first in _FEMALE_NAMES:
        return FEMALE
    if first in _MALE_NAMES:
        return MALE
    return None


def is_given_name(name: str) -> bool:
    """True when a full name opens with a given name on the lists (of either gender, or both)."""
    return _given(name) in _GIVEN_NAMES


def of_words(words: str | None) -> str | None:
    """The gender a title or role phrase states ("Mrs.", "spokeswoman", "the company's chairman"), or None."""
    if not words:
        return None
    found = {FEMALE if w in _FEMALE_WORDS else MALE for w in words.lower().split()
             if w in _FEMALE_WORDS or w in _MALE_WORDS}
    return found.pop() if len(found) == 1 else None


def agrees(gender: str | None, pronoun: str) -> bool:
    """Whether a person of this gender (None: unknown) can be "he" or "she"."""
    return gender is None or (gender == FEMALE) == (pronoun == "she")
