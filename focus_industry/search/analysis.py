"""Swedish and English analysed in Python, the same way at index time and at query time.

The index holds a stream of normalised tokens, not the text: Swedish words by their lemma (simplemma's
dictionary: "företaget", "företagens" → "företag") plus the lemmas of a compound's parts
("sågverksoperatörer" → "sågverksoperatör", "sågverk", "operatör"), English words by their Snowball
(Porter2) stem, as PostgreSQL's "english" configuration stems them. PostgreSQL indexes the stream with
its "simple" configuration and SQLite's FTS5 with the plain unicode61 tokenizer, so both databases hold
the same tokens and nothing has to be installed on the database server. A query word becomes every
token it could stand for (its Swedish lemma and its English stem), and a page matches when each query
word's tokens are found in it.
"""

import functools
import re
import threading

import simplemma
import snowballstemmer

WORD = re.compile(r"[^\W_]+")
# Parts of a compound shorter than this are not looked for ("i", "en" …). Words the dictionary knows
# are split only into longer parts: shorter ones broke "företagens" into "före" + "tagen" and
# "tillverkning" into "till" + "verkning", while "kompetens|utveckling" and "affär|s|modell" split.
MIN_PART = 3
MIN_PART_OF_KNOWN = 5
# A known word's last part must not be a derivational ending that happens to be a word:
# "möjlig|heter", "erbjud|anden", "koncent|rationer", "uppdate|rades".
NOT_A_HEAD = ("het", "and", "end", "ning", "ration", "ade", "ad", "ammans", "ormar", "ande", "skade", "ening")
LINKING = ("s", "e")  # the joints of "sågverk-s-operatör", "skol-e-gård"

# Words that say nothing about a page. Short lists on purpose: a longer one drops words people search.
STOPWORDS = {
    "sv": frozenset(
        "och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så "
        "kan man när år säger hon under också efter eller nu sin där vid mot ska skulle kommer ut får finns "
        "vara hade alla andra mycket än här då sedan över bara in blir upp även vad få två vill ha många hur "
        "mer går sverige kronor detta nya procent skriver hans utan sina något svenska allt första fick måste "
        "mellan blev bli dag någon några sitt stora varit dem bland bra tre ta genom del hela annat fram gör "
        "ingen stockholm göra enligt mig redan inom kom du helt ju samma kanske själv oss tidigare se miljoner "
        "dock denna både tid kunna fått stor olika ser flera plats kunde gå ur gäller honom aldrig barn varje "
        "lite sätt just väl tar åt mest per står frågan kl dess".split()
        # Words that are also content words in this site's texts are kept:
    )
    - {"sverige", "kronor", "stockholm", "barn", "miljoner", "procent", "plats", "frågan", "år", "dag"},
    "en": frozenset(
        "a an and are as at be been but by for from has have he her his i if in into is it its me my no not "
        "of on or our she so that the their them then there these they this to was we were what when which "
        "who will with you your how".split()
    ),
}
ALL_STOPWORDS = STOPWORDS["sv"] | STOPWORDS["en"]

# A Snowball stemmer keeps the word it works on in the object: one per thread (gunicorn's gthread
# workers stem for several requests at once, and a shared one mixed their words up, an IndexError).
_stemmers = threading.local()


def words(text):
    """The words of `text`, lower case (letters and digits; hyphens, apostrophes and the rest split)."""
    return WORD.findall(text.lower())


@functools.lru_cache(maxsize=200_000)
def english_stem(word):
    stemmer = getattr(_stemmers, "english", None)
    if stemmer is None:
        stemmer = _stemmers.english = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


@functools.lru_cache(maxsize=200_000)
def _known(word):
    return simplemma.is_known(word, lang="sv")


@functools.lru_cache(maxsize=200_000)
def swedish_lemma(word):
    return simplemma.lemmatize(word, lang="sv").lower()  # "Sverige" for a proper noun


def warm():
    """Load simplemma's Swedish dictionary now (1.5–5 s) rather than on the first search a visitor makes.
    Called by the web process at start-up (focus_industry/wsgi.py: before gunicorn forks its workers,
    which then share it), not by management commands or tests, which would pay for it unused."""
    simplemma.is_known("företag", lang="sv")


def _left_part(left, min_part):
    """The lemma of a compound's first part, with a linking "s" or "e" dropped, or None if unknown."""
    if len(left) >= min_part and _known(left):
        return left
    if left[-1:] in LINKING and len(left) > min_part and _known(left[:-1]):
        return left[:-1]
    return None


@functools.lru_cache(maxsize=200_000)
def compound_parts(word):
    """(first part, last part's lemma) of a Swedish compound, or () when `word` is not one.

    The last part is the longest dictionary word that ends `word` (inflected: "operatörer"); the first
    is a dictionary word, with a linking "s" or "e" allowed, or itself a compound of two.
    """
    if not word.isalpha():
        return ()
    known = _known(word)
    min_part = MIN_PART_OF_KNOWN if known else MIN_PART
    for cut in range(min_part, len(word) - min_part + 1):
        right = word[cut:]
        if not _known(right) or (known and (right.startswith(NOT_A_HEAD) or len(right) < 6)):
            continue
        left = word[:cut]
        first = _left_part(left, min_part)
        if known and first is not None and first == left and len(left) < 6:
            continue  # a known word splits at a joint ("affär|s|modell") or into two long words
        if first is None and len(left) >= 2 * MIN_PART:
            inner = compound_parts(left.removesuffix("s")) if left.endswith("s") else compound_parts(left)
            first = left.removesuffix("s") if inner else None
        if first is not None:
            return first, swedish_lemma(right)
    return ()


@functools.lru_cache(maxsize=200_000)
def swedish_tokens(word):
    """The index tokens of one Swedish word: its lemma and the lemmas of its compound's parts."""
    if word in STOPWORDS["sv"]:
        return ()
    lemma = swedish_lemma(word)
    parts = compound_parts(word)
    if parts and not _known(word):
        lemma = parts[0] + parts[1]
    tokens = [lemma]
    for part in parts:
        tokens.append(part)
        tokens.append(swedish_lemma(part))
    return tuple(dict.fromkeys(tokens))


def english_tokens(word):
    return () if word in STOPWORDS["en"] else (english_stem(word),)


# A token from a page's title is indexed a second time with this mark in front, so that "the word is in
# the title" can be asked of the same column on both databases. A digit, so no written word collides.
TITLE_MARK = "0t"


def in_title(tokens):
    """The title-marked form of a string of tokens (see TITLE_MARK)."""
    return " ".join(TITLE_MARK + token for token in tokens.split())


def analyse(text, language):
    """The index tokens of `text` written in `language` ("sv", "en", or None: either)."""
    tokens = []
    for word in words(text):
        if language == "sv":
            tokens.extend(swedish_tokens(word))
        elif language == "en":
            tokens.extend(english_tokens(word))
        else:
            tokens.extend(dict.fromkeys((*swedish_tokens(word), *english_tokens(word))))
    return " ".join(tokens)


@functools.lru_cache(maxsize=20_000)
def query_alternatives(word):
    """The tokens one query word may match: its Swedish lemma and its English stem (a stopword: none).

    A compound typed in the query is matched whole (its lemma), not by its parts: "sågverksoperatör"
    finds the operators, not every page about a sawmill.
    """
    if word in ALL_STOPWORDS:
        return ()
    lemma = swedish_lemma(word)
    parts = compound_parts(word)
    if parts and not _known(word):
        lemma = parts[0] + parts[1]
    return tuple(dict.fromkeys((lemma, english_stem(word))))


def query_terms(query_string):
    """[alternatives of each query word], stopwords left out: what a page must match, word by word."""
    terms = []
    for word in dict.fromkeys(words(query_string)):
        alternatives = query_alternatives(word)
        if alternatives:
            terms.append(alternatives)
    return terms


def marks(word, tokens):
    """Whether a word of a text stands for one of the query's `tokens` (for marking it in an excerpt)."""
    word = word.lower()
    return bool(tokens.intersection((*swedish_tokens(word), *english_tokens(word))))
