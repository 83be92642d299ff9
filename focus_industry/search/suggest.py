""" "Did you mean": a query word the index has never seen, one letter away from a word it has.

The vocabulary is the words of the live public pages, kept when they are indexed (models.SearchWord).
The candidates one edit away from each unknown word (a letter left out, added, changed or two swapped:
about 60 per letter) are looked up together with the query's words in one query.
"""

from .analysis import query_alternatives, words

ALPHABET = "abcdefghijklmnopqrstuvwxyzåäöéü"
MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
MAX_WORDS = 5


def one_edit(word):
    """The strings one edit from `word`, the likeliest kinds of slip first."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swapped = [left + right[1] + right[0] + right[2:] for left, right in splits if len(right) > 1]
    changed = [left + letter + right[1:] for left, right in splits if right for letter in ALPHABET]
    added = [left + letter + right for left, right in splits for letter in ALPHABET]
    dropped = [left + right[1:] for left, right in splits if right]
    return [candidate for candidate in dict.fromkeys(swapped + changed + added + dropped) if candidate != word]


def suggestion(query_string):
    """The query with each unknown word replaced by a known word one edit away ("" when none is)."""
    from .models import SearchWord

    typed = words(query_string)
    candidates = {
        word: one_edit(word)
        for word in typed[:MAX_WORDS]
        if len(word) >= MIN_LENGTH and word.isalpha() and not query_alternatives(word) == ()
    }
    if not candidates:
        return ""
    wanted = set(typed)
    for word, edits in candidates.items():
        wanted.update(query_alternatives(word))
        wanted.update(edits)
    known = dict(SearchWord.objects.filter(word__in=wanted).values_list("word", "written"))
    corrected, changed = [], False
    for word in typed:
        standing_for = (word, *query_alternatives(word))
        if word not in candidates or any(token in known for token in standing_for):
            corrected.append(word)
            continue
        found = next((edit for edit in candidates[word] if known.get(edit)), None)
        corrected.append(found or word)
        changed = changed or found is not None
    return " ".join(corrected) if changed else ""
