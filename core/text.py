"""Text preparation shared by indexing and querying.

SQLite's and PostgreSQL's full-text tokenizers split on spaces and punctuation,
so a run of Chinese characters would become one huge token and ``耳机`` would never
find ``无线蓝牙降噪耳机``. Both the indexed text and the query therefore go through
the same steps here: Chinese runs are cut into words (jieba-rs), Latin words are
lower-cased and stemmed, codes like ``WH-1000XM5`` are kept whole and in parts.
Whatever is done to one side is done to the other, so the two always agree.

jieba cuts a word it does not know by its context, so a query and a name may be cut
differently (扫地机 alone, 扫地 / 机器人 inside 扫地机器人). The index therefore also
holds every pair of neighbouring characters of a Chinese run (bigrams) and every
single character: a query's bigrams (``bigram_terms``) are all in any text that
contains the query as written, however either was cut.
"""

import re
import unicodedata
from functools import lru_cache

import rjieba
import snowballstemmer
from pypinyin import Style, lazy_pinyin

MAX_QUERY_LENGTH = 200

# Han ideographs (basic block, extension A, compatibility) form Chinese runs.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHUNK = re.compile(rf"[{_HAN}]+|[^\W_{_HAN}]+(?:[-_./][^\W_{_HAN}]+)*")
_HAN_RUN = re.compile(rf"^[{_HAN}]+$")
_ANY_HAN = re.compile(rf"[{_HAN}]")
_LETTERS_OR_DIGITS = re.compile(rf"[^\W\d_{_HAN}]+|\d+")
_SEPARATORS = re.compile(r"[-_./]")
_MIN_STEM_LENGTH = 4

_stemmer = snowballstemmer.stemmer("english")


def _normalise(text: str) -> str:
    """Full-width letters and digits become ASCII (ＳＫＵ１ → SKU1); everything lower case."""
    return unicodedata.normalize("NFKC", text or "").lower()


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    """English stemming for plain ASCII words (phones → phone); pinyin and codes pass through
    unharmed."""
    if len(word) < _MIN_STEM_LENGTH or not word.isascii() or not word.isalpha():
        return word
    return _stemmer.stemWord(word)


def _chinese_words(run: str, *, for_query: bool) -> list[str]:
    """Words of a Chinese run.

    The index gets every word jieba's search mode finds (蓝牙耳机 gives 蓝牙, 耳机 and
    蓝牙耳机). A query keeps only the finest words: a query word that is also split
    into smaller words would demand a token the document may lack (无线蓝牙降噪耳机
    has 蓝牙 and 耳机 but not 蓝牙耳机), while the smaller words are always there.
    """
    words = [word for word in rjieba.cut_for_search(run) if word.strip()]
    if not for_query:
        return words
    return [word for word in words if not _covered_by_smaller(word, words)]


def _bigrams(run: str) -> list[str]:
    """Neighbouring character pairs of a Chinese run: 扫地机 → 扫地, 地机; one character stays
    itself."""
    return [run[start : start + 2] for start in range(len(run) - 1)] or [run]


def _indexed_chinese(run: str) -> list[str]:
    """The run's words (jieba's search mode), then its bigrams and single characters that are not
    words already (a query word of one character, 男 of 羽绒服 男, is then found in 男士)."""
    words = _chinese_words(run, for_query=False)
    known = set(words)
    extra = [piece for piece in (*_bigrams(run), *run) if piece not in known]
    return words + list(dict.fromkeys(extra))


def _covered_by_smaller(word: str, words: list[str]) -> bool:
    smaller = [other for other in words if len(other) < len(word) and other in word]
    covered = set()
    for other in smaller:
        start = word.find(other)
        while start != -1:
            covered.update(range(start, start + len(other)))
            start = word.find(other, start + 1)
    return len(covered) == len(word)


def _code_parts(chunk: str, *, for_query: bool) -> list[str]:
    """A Latin/digit chunk: ``wh-1000xm5`` indexes as itself, joined, by separator and
    letters/digits.

    A query uses only the finest parts, which the index always holds.
    """
    finest = _LETTERS_OR_DIGITS.findall(chunk)
    if for_query:
        return finest
    parts = [chunk, _SEPARATORS.sub("", chunk), *_SEPARATORS.split(chunk), *finest]
    return list(dict.fromkeys(part for part in parts if part))


def _tokens(text: str, *, for_query: bool) -> list[str]:
    tokens = []
    for chunk in _CHUNK.findall(_normalise(text)):
        if not _HAN_RUN.match(chunk):
            tokens.extend(_code_parts(chunk, for_query=for_query))
        elif for_query:
            tokens.extend(_chinese_words(chunk, for_query=True))
        else:
            tokens.extend(_indexed_chinese(chunk))
    return [_stem(token) for token in tokens]


def segment(text: str) -> str:
    """Text ready for the full-text index: words separated by spaces, lower case, stemmed.

    ``segment("扫地机器人")`` → ``"扫地 机器 机器人 地机 器人 扫 地 机 器 人"`` (words, then
    the bigrams and characters that are not words).
    """
    return " ".join(_tokens(text, for_query=False))


def query_terms(text: str) -> list[str]:
    """The words a query is matched with, in the same form the index holds them."""
    return list(dict.fromkeys(_tokens(text, for_query=True)))


def bigram_terms(text: str) -> list[str]:
    """A query as the index's bigrams: each Chinese run as its character pairs, other words as
    ``query_terms`` has them.

    ``bigram_terms("扫地机")`` → ``["扫地", "地机"]``: found in 扫地机器人 although jieba cuts
    that 扫地 / 机器人.
    """
    terms = []
    for chunk in _CHUNK.findall(_normalise(text)):
        if _HAN_RUN.match(chunk):
            terms.extend(_bigrams(chunk))
        else:
            terms.extend(_stem(part) for part in _code_parts(chunk, for_query=True))
    return list(dict.fromkeys(terms))


def chinese_runs(text: str) -> list[str]:
    """The runs of Chinese characters of a text, in order: ``"拉杆箱 20寸"`` → ``拉杆箱, 寸``."""
    return [chunk for chunk in _CHUNK.findall(_normalise(text)) if _HAN_RUN.match(chunk)]


def is_single_character_word(term: str) -> bool:
    """One Chinese character (不, 的, 款): too common to find anything on its own."""
    return len(term) == 1 and bool(_HAN_RUN.match(term))


def words(text: str) -> list[str]:
    """The words of a text in order, lower case, not stemmed (Chinese cut finely, codes whole)."""
    found = []
    for chunk in _CHUNK.findall(_normalise(text)):
        found.extend(_chinese_words(chunk, for_query=True) if _HAN_RUN.match(chunk) else [chunk])
    return found


def normalise(text: str) -> str:
    """Lower case with full-width forms folded, as everything here compares text."""
    return _normalise(text)


def surface_words(text: str) -> list[str]:
    """The query's words as typed (not stemmed), for highlighting; longest first."""
    words = []
    for chunk in _CHUNK.findall(_normalise(text)):
        if _HAN_RUN.match(chunk):
            words.extend(_chinese_words(chunk, for_query=True))
        else:
            words.extend(_LETTERS_OR_DIGITS.findall(chunk))
    return sorted(dict.fromkeys(words), key=len, reverse=True)


def clean_query(q: str | None) -> str:
    """What the shopper typed, made safe for SQLite FTS5 and PostgreSQL tsquery.

    At most 200 characters; only letters (any script), digits and single spaces
    survive, so quotes, operators (AND, -, *, :, |, &, !) and markup never reach the
    backend's query parser.
    """
    text = (q or "")[:MAX_QUERY_LENGTH]
    words = re.findall(r"[^\W_]+", text)
    return " ".join(words)


def pinyin_keys(text: str) -> tuple[str, str]:
    """Full pinyin and initials of a text: ``蓝牙耳机`` → ``("lanyaerji", "lyej")``.

    Latin words and digits are kept whole in both keys so ``iPhone 手机壳`` gives
    ``("iphoneshoujike", "iphonesjk")``.
    """
    full, initials = [], []
    for chunk in _CHUNK.findall(_normalise(text)):
        if _HAN_RUN.match(chunk):
            full.extend(lazy_pinyin(chunk))
            initials.extend(lazy_pinyin(chunk, style=Style.FIRST_LETTER))
        else:
            plain = _SEPARATORS.sub("", chunk)
            full.append(plain)
            initials.append(plain)
    return "".join(full), "".join(initials)


def pinyin_words(text: str) -> str:
    """Each Chinese word of a text as one pinyin token (蓝牙耳机 → ``lanya erji``), for the index.

    It lets a shopper without a Chinese keyboard search ``lanya erji``.
    """
    words = []
    for chunk in _CHUNK.findall(_normalise(text)):
        if _HAN_RUN.match(chunk):
            words.extend(
                "".join(lazy_pinyin(word)) for word in _chinese_words(chunk, for_query=True)
            )
    return " ".join(words)


def has_chinese(text: str) -> bool:
    """Whether ``text`` holds a Han character."""
    return bool(_ANY_HAN.search(text or ""))


def person_name(*, given: str, family: str) -> str:
    """A person's name in the order their language writes it: "王小明" (family name first,
    no space) when either part is Chinese, "Xiaoming Wang" otherwise."""
    given, family = (given or "").strip(), (family or "").strip()
    if has_chinese(given) or has_chinese(family):
        return f"{family}{given}"
    return " ".join(part for part in (given, family) if part)
