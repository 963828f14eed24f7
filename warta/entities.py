"""Entities of one article: NER mentions grouped, normalised and geocoded.

    find_entities(body, nlp_doc) -> list[Entity]
    find_article_entities(article, nlp_doc, process) -> list[Entity]   (body and image captions)

Steps, each a small function below:

1. clean the NER spans (edges, ``Long Form (ACR)`` split, gazetteer relabels);
2. add country/province/seat names the model missed (``gazetteer.scan``);
3. for people: titles before the name join the mention (``Presiden Tokayev``)
   and the role phrase before it becomes the role (``Presiden Rusia``);
4. group: name variants of a person (``Masimov`` -> ``Karim Masimov``),
   acronym and long form of an organisation, places by gazetteer key;
5. find further plain occurrences of the names and acronyms found;
6. coreference, kept simple and precise: a definite description
   (``Presiden itu``) goes to the latest person holding that role, a
   pronoun (``Ia``, ``Dia``, ``beliau``, ``-nya`` of a speech cue) to the
   latest person who was a sentence subject within the last sentences;
7. a capital or seat used as an actor (``Washington mengatakan``,
   ``respons keras dari Moskow``) is reported as ``seat-of-government``.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable, Optional

from warta import gazetteer
from warta.glue import pieces, split_glued
from warta.gazetteer import Place, norm
from warta.records import Entity, Mention

# ------------------------------------------------------------- lexicon ---
# Titles, ranks and functions written before a name (lower case; matched
# case-insensitively).  Honorifics join the mention but never make a role.
TITLES = (
    "presiden", "wakil presiden", "wapres", "perdana menteri", "pm", "menteri", "menko", "menlu", "menhan",
    "mendagri", "menkeu", "mensesneg", "gubernur", "wakil gubernur", "wagub", "bupati", "wakil bupati",
    "wali kota", "walikota", "wakil wali kota", "camat", "lurah", "kepala desa", "kades", "ketua", "ketua umum",
    "wakil ketua", "ketum", "sekretaris jenderal", "sekjen", "sekretaris", "direktur", "direktur utama", "dirut",
    "kepala", "kapolri", "kapolda", "kapolres", "kapolresta", "kapolrestabes", "kapolsek", "kabareskrim",
    "kabid humas", "kasat reskrim", "panglima", "jaksa agung", "jaksa", "hakim", "hakim ketua", "juru bicara",
    "jubir", "kanselir", "raja", "ratu", "pangeran", "putra mahkota", "paus", "senator", "anggota", "dubes",
    "duta besar", "komisaris", "pengamat", "pakar", "ekonom", "analis", "aktivis", "pelatih", "manajer",
    "pemimpin", "pendiri", "ceo", "kepala staf", "kasad", "kasal", "kasau", "kadiv humas",
    "jenderal", "letjen", "mayjen", "brigjen", "kolonel", "letkol", "mayor", "kapten", "komjen", "irjen",
    "kombes", "kombes pol", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu", "bripka", "briptu", "laksamana",
    "marsekal", "laksdya", "marsdya",
)
HONORIFICS = ("bapak", "pak", "ibu", "bu", "sang", "dr.", "dr", "prof.", "prof", "ir.", "h.", "hj.", "kh",
              "k.h.", "habib", "ustaz", "ustadz", "syekh", "gus", "mbak", "mas", "tuan", "nyonya")
RANKS = frozenset({"jenderal", "letjen", "mayjen", "brigjen", "kolonel", "letkol", "mayor", "kapten", "komjen",
                   "irjen", "kombes", "kombes pol", "akbp", "kompol", "akp", "iptu", "ipda", "aiptu", "bripka",
                   "briptu", "laksamana", "marsekal", "laksdya", "marsdya"})
# Heads of definite descriptions: "Presiden itu", "mantan menteri tersebut", "sang gubernur".
DESCRIPTION_HEADS = ("presiden", "wakil presiden", "perdana menteri", "menteri", "gubernur", "bupati",
                     "wali kota", "walikota", "kanselir", "raja", "ratu", "pangeran", "jenderal", "kapolri",
                     "kapolda", "kapolres", "ketua", "direktur", "pelatih", "juru bicara", "jubir", "senator",
                     "aktivis", "politikus", "politisi", "diplomat")
PRONOUNS = ("ia", "dia", "beliau")
# Speech cues whose "-nya" names the speaker: "katanya", "ujarnya", "menurutnya".
NYA_CUES = ("kata", "ujar", "ucap", "tutur", "ungkap", "jelas", "tegas", "papar", "pungkas", "imbuh", "tambah",
            "sebut", "terang", "lanjut", "menurut")
SPEECH_CUES = NYA_CUES  # the same words cue a name after them ("kata Price")
# Verbs after a capital/seat that make it an actor (its government).
ACTOR_VERBS = frozenset("""
mengatakan menyatakan mempertanyakan menyambut menegaskan menolak mengecam mengutuk membantah menuduh meminta
menuntut mendesak memperingatkan mengancam menjatuhkan memberlakukan mengumumkan menanggapi menilai menyebut
menganggap mengklaim menyetujui mendukung berharap ingin khawatir bereaksi membalas mengirim mengirimkan
mengerahkan menarik memutuskan mengakui menginginkan menawarkan menyerukan mengusulkan menerapkan sepakat setuju
menyampaikan melarang mengizinkan menekan menuding menyesalkan menyayangkan memprotes mengritik mengkritik
menegur membela menjanjikan merespons merespon menyambutnya berjanji bersikeras menampik menyangkal
""".split())
ACTOR_ADVERBS = frozenset("juga pun telah sudah akan tidak belum masih segera langsung kembali pada".split())
# "respons keras dari Moskow": a reaction noun, up to two words, then dari/oleh.
REACTION_NOUNS = ("respons", "respon", "reaksi", "tanggapan", "kecaman", "kritik", "tekanan", "sanksi",
                  "ancaman", "peringatan", "protes", "dukungan", "tuduhan", "desakan", "pernyataan", "sikap",
                  "keberatan", "penolakan", "permintaan", "tuntutan", "bantahan")
LOCATIVES = frozenset("di ke dari dekat sekitar".split())
OBJECT_MARKERS = frozenset("kepada terhadap dengan bersama untuk bagi oleh dari pada memecat menangkap".split())
# Words before a place name that make it a language or people, not a place.
NOT_A_PLACE_BEFORE = frozenset({"bahasa", "berbahasa", "suku", "etnis", "keturunan", "masakan", "gaya"})
ANTECEDENT_WINDOW = 3  # sentences a pronoun may look back
# Capitalised words that head an organisation's name, never a person's: a PER span
# opening with one is an organisation ("Polresta Manado", "RSUD Ansari Saleh").
ORG_HEADS = frozenset("""
badan balai biro dinas direktorat kementerian kemenkes kemensos kemenkeu komisi komite lembaga dewan majelis
mahkamah pengadilan kejaksaan kejati kejari kepolisian polda polres polresta polrestabes polrestro polsek
mabes polri tni kodam korem kodim lanud lanal satgas satuan gugus tim partai fraksi universitas institut
sekolah yayasan perkumpulan paguyuban himpunan ikatan asosiasi persatuan serikat koperasi pt cv perum
perumda persero bank rsud rsup rs puskesmas pemkot pemkab pemprov pemerintah dprd dpr dpd mpr kpu bawaslu
bpbd bnpb kpk ojk bpom bps bmkg kri kapal komunitas koalisi forum front gerakan aliansi organisasi
""".split())
# Words before a name that make a place of it, whatever the model said ("ke ibu kota Nur-Sultan").
PLACE_CUES_BEFORE = frozenset({"di", "ke", "dari", "ibukota", "kota", "provinsi", "kabupaten", "negara",
                               "menuju", "kawasan", "wilayah", "daerah"})
# Offices named after their place: "Bupati Sleman" names no person.
PLACE_TITLES = frozenset({"bupati", "gubernur", "walikota", "camat", "lurah", "kapolres", "kapolda", "kapolsek",
                          "kapolresta", "wabup", "wagub", "wawali", "sekda", "kajari", "kajati", "pangdam"})
# Given names that a name reads from the start even after an organisation's acronym
# ("pemimpin FPI Muhammad Rizieq Shihab").
COMMON_GIVEN = frozenset({"muhammad", "mohammad", "mohamad", "moh", "muh", "m", "ahmad", "achmad", "abdul",
                          "siti", "sri", "nur", "i", "ni", "gusti", "raden", "andi", "teuku", "cut", "tengku"})
SPEECH_VERBS = ("mengatakan", "menyatakan", "menegaskan", "menjelaskan", "menyebut", "menyebutkan",
                "mengklaim", "menuturkan", "menambahkan", "mengungkapkan", "menyampaikan", "berkata",
                "memaparkan", "menerangkan", "mengemukakan", "menilai", "berpendapat", "berharap", "mengaku")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_TITLE = _alternation(TITLES)
_HONOR = _alternation(HONORIFICS)
_TITLE_OR_HONOR = _alternation(TITLES + HONORIFICS)
# A role phrase ending right before a name: a title, then capitalised words,
# (ACRONYMS), "dan", commas or further titles.
_ROLE_RE = re.compile(
    rf"(?<![\w\-])((?i:{_TITLE})(?:\s*,?\s+(?:[A-Z][\w.'’\-]*|\([A-Z][\w.\-]*\)|dan|&|(?i:{_TITLE_OR_HONOR})))*)[\s,]*$")
_ADJACENT_TITLES_RE = re.compile(rf"(?<![\w\-])((?:(?i:{_TITLE_OR_HONOR})\s+)+)$")
_LEADING_TITLES_RE = re.compile(rf"^(?:(?i:{_TITLE_OR_HONOR})\s+)+(?=[A-Z])")
# Found from their cheap ends ("itu", "tersebut", "sang"), then the head is checked.
_DEMONSTRATIVE_RE = re.compile(r"(?<![\w\-])(?:itu|tersebut)(?![\w\-])")
_HEAD_BEFORE_RE = re.compile(rf"(?<![\w\-])(?:(?i:mantan|eks)\s+)?((?i:{_alternation(DESCRIPTION_HEADS)}))\s+$")
_SANG_RE = re.compile(rf"(?<![\w\-])(?:(?i:mantan|eks)\s+)?[Ss]ang\s+((?i:{_alternation(DESCRIPTION_HEADS)}))(?![\w\-])")
_PRONOUN_RE = re.compile(r"(?<![\w\-])(Ia|Dia|ia|dia|Beliau|beliau)(?![\w\-])")
_NYA_RE = re.compile(r"(?<![\w\-])(\w+?)(nya)(?![\w\-])")
_NYA_CUE_SET = frozenset(NYA_CUES)
_CUE_BEFORE_RE = re.compile(rf"(?i:{_alternation(SPEECH_CUES)})\s+$")
_ACRONYM_AFTER_RE = re.compile(r"^\s*\(([A-Z][A-Za-z0-9&.\-]{1,12})\)")
_REACTION_BEFORE_RE = re.compile(rf"(?i:{_alternation(REACTION_NOUNS)})(?:\s+\w+){{0,2}}\s+(?:dari|oleh)\s+$")
_QUOTE_RE = re.compile(r"[\"“”„]([^\"“”„]*)[\"“”„]")
_CAPITALISED_WORD_RE = re.compile(r"(?<![\w\-])[A-Z][^\s]*?(?=[\s,.;:!?\"'”’)]|$)")
_EDGE_JUNK = " \t\n,.;:!?\"'“”‘’()[]"
_NAME_RUN = r"[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|bin|binti|van|de))*"
# "kata Price", "ujar Ned Price", "menurut Ned Price": a name right after a speech cue
_CUE_NAME_RE = re.compile(rf"(?<![\w\-])(?:{_alternation(SPEECH_CUES)})(?:nya)?\s+(?P<name>{_NAME_RUN})")
# "Ned Price mengatakan": a capitalised run right before a speech verb
_NAME_CUE_RE = re.compile(rf"(?P<name>{_NAME_RUN})\s+(?:(?:{_alternation(ACTOR_ADVERBS)})\s+)*(?:{_alternation(SPEECH_VERBS)})(?![\w\-])")


# ------------------------------------------------------------ internals ---

@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str                      # PER | ORG | LOC
    name: str = ""                  # name without titles (PER), cleaned surface otherwise
    place: Optional[Place] = None
    role: Optional[str] = None
    via: str = "ner"                # ner | scan | acronym | repeat | description | pronoun
    group: Optional["_Group"] = None


@dataclass
class _Group:
    label: str
    key: str
    mentions: list[_Mention] = field(default_factory=list)
    seat_of: Optional[str] = None   # alpha-2 when these mentions stand for that country's government

    def add(self, mention: _Mention) -> None:
        mention.group = self
        self.mentions.append(mention)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@functools.lru_cache(maxsize=1)
def _org_table() -> dict[str, tuple[str, Optional[str]]]:
    """norm(surface) -> (English canonical name, country) for well-known organisations."""
    path = resources.files("warta").joinpath("data").joinpath("aliases_orgs.tsv")
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith("#") or line.startswith("surface\t"):
            continue
        cells = line.split("\t") + [""]
        out[norm(cells[0])] = (cells[1], cells[2] or None)
    return out


class _Text:
    """The body with sentence, paragraph and quotation lookups by offset."""

    def __init__(self, body: str, nlp_doc: Any):
        self.body = body
        sentences = getattr(nlp_doc, "sentences", None) or []
        self.sentence_starts = [s.start for s in sentences] or [m.start() for m in re.finditer(r"(?:^|(?<=[.!?]\s))\S", body)] or [0]
        self.newlines = [m.start() for m in re.finditer(r"\n", body)]
        self.quoted = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(body)]
        self._quote_starts = [q[0] for q in self.quoted]

    def sentence(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def sentence_start(self, offset: int) -> int:
        return self.sentence_starts[self.sentence(offset)]

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset)

    def in_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self.quoted[i][0] < offset < self.quoted[i][1]


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


# ------------------------------------------------------- 1. clean spans ---

def _clean(body: str, spans: Iterable[Any]) -> list[_Mention]:
    out = []
    for span in spans:
        start, end = span.start, span.end
        while start < end and body[start] in _EDGE_JUNK:
            start += 1
        while end > start and body[end - 1] in _EDGE_JUNK:
            end -= 1
        if span.label not in ("PER", "ORG", "LOC"):
            continue
        start, end = _unglued(body, start, end)
        if end - start < 2:
            continue
        lead = re.match(r"(?:[a-z][\w\-]*\s+)+(?=[A-Z])", body[start:end])
        if lead:
            start += lead.end()             # "bandara Almaty": a common noun before the name
        text = body[start:end]
        if text.lower() in RANKS:
            continue                        # "AKBP" tagged alone, the name after it missed: a rank is no name
        # "Komite Keamanan Nasional (NSC" / "... (CSTO) ..." inside one span: keep the long form
        paren = text.find(" (")
        if paren > 0:
            end = start + paren
            text = body[start:end]
        out.append(_Mention(start, end, text, span.label, name=text))
    return out


_ALPHA_RUN = re.compile(r"[^\W\d_]+")


def _unglued(body: str, start: int, end: int) -> tuple[int, int]:
    """The span without words the crawler glued onto it.

    ``Marcella Santosomengaku`` ends before ``mengaku``, ``Polriterkait`` before ``terkait``;
    ``denganSatgas`` starts at ``Satgas``.  A lowercase piece after a capitalised one ends the
    name; a lowercase piece opening the span's first word is cut off its front."""
    first = True
    for run in _ALPHA_RUN.finditer(body, start, end):
        spans = split_glued(run.group())
        word = run.group()
        if spans:
            if first and word[0].islower():
                lead = next((s for s, _ in spans if word[s].isupper()), None)
                if lead is not None:
                    start = run.start() + lead
            for k in range(1, len(spans)):
                cut = spans[k][0]
                if word[cut].islower() and word[spans[k - 1][0]].isupper() and run.start() + cut > start:
                    return start, run.start() + cut
        first = False
    return start, end


def _relabel(mentions: list[_Mention]) -> None:
    """A span that is exactly a country, province, former state or seat is a place, whatever the model said;
    so is a regency or town unless it is also a word of a person's longer name here (``Bima Arya``)."""
    name_words = {w for m in mentions if m.label == "PER" and " " in m.text for w in m.text.split()}
    for m in mentions:
        if m.label == "LOC":
            continue
        place = gazetteer.resolve(m.text, core_only=True)
        town = place is not None and place.kind in ("regency", "kota") and m.text not in name_words
        if place and (town or place.kind in ("country", "former-state", "province", "seat-of-government")):
            if m.label == "ORG" and norm(m.text) in _org_table():
                continue
            m.label, m.place = "LOC", place


# ------------------------------------------ 1b. repair the model's people ---

def _repair_people(body: str, text: "_Text", mentions: list[_Mention]) -> None:
    """General rules against frequent model errors on PER spans.

    * a span headed by an organisation word is an organisation (``Polresta Manado``);
    * a gazetteer place after a locative or a place noun is a place (``ke ibukota Nur-Sultan``);
    * words glued before the name are cut: a place ending a role (``Presiden Rusia Vladimir Putin``,
      ``Ketua KPU Sulut Ardiles Mewoh``), the tail of an organisation's name when the rest of the
      name also stands alone (``PARA Syndicate Ari Nurcahyo`` … ``Ari``), a sentence-initial word
      before a name already used alone (``Faktar Tokayev`` after ``Tokayev``).
    """
    org_words = {w for m in mentions if m.label == "ORG" for w in m.text.split()}
    index: Optional[_WordIndex] = None
    for m in mentions:
        if m.label != "PER":
            continue
        if index is None:
            index = _WordIndex(body)
        words = list(re.finditer(r"\S+", m.text))
        if words[0].group().lower().strip(".") in ORG_HEADS:
            m.label = "ORG"
            continue
        if len(words) == 2 and words[0].group().lower() in PLACE_TITLES and index.place_word(words[1].group()):
            m.label, m.start = "LOC", m.start + words[1].start()   # "Bupati Sleman": a place's office, no name
            m.text = m.name = body[m.start:m.end]
            continue
        before = body[max(0, m.start - 24):m.start].split()
        if before and before[-1].lower() in PLACE_CUES_BEFORE:
            place = gazetteer.resolve(m.text)
            if place is not None:
                m.label, m.place = "LOC", place
                continue
        cut = _glued_prefix(body, text, m, words, org_words, index) or _country_prefix(words)
        if cut:
            m.start += words[cut].start()
            m.text = m.name = body[m.start:m.end]


def _glued_prefix(body: str, text: "_Text", m: _Mention, words: list, org_words: set[str],
                  index: "_WordIndex") -> int:
    """How many leading words of a PER span are not part of the name (0: none)."""
    if len(words) < 2:
        return 0
    cut = 0
    while cut < len(words) - 1:
        word = words[cut].group()
        low = word.lower()
        if low in COMMON_GIVEN or low in HONORIFICS or low in TITLES:
            break
        if (len(word) > 1 and word.isupper()) or index.place_word(word):
            cut += 1                       # "Rusia", "Sulut", "KPU" end the role, not open the name
            continue
        rest = m.text[words[cut + 1].start():]
        elsewhere = [x for x in index.starts(rest.split()[0]) if not m.start <= x < m.end]
        own = len(index.starts(word))
        if not words[cut + 1].group()[:1].isupper():
            break                          # "Manado - Tahuna": a route, not a glued name
        if word in org_words and elsewhere:
            cut += 1                       # "Gambut" belongs to "Badan Restorasi Gambut"; "Iola" stands alone
            continue
        initial = text.sentence_start(m.start) == m.start or body[max(0, m.start - 2):m.start].strip() in (".", "")
        if initial and own == 1 and any(x < m.start for x in elsewhere):
            cut += 1                       # "Faktar Tokayev" after "Tokayev …"
            continue
        break
    return cut


def _country_prefix(words: list) -> int:
    """How many leading words of a span name a country (``Federasi Rusia Denis Manturov`` -> 2; 0: none).

    At least one word is left after the country."""
    for k in range(min(3, len(words) - 1), 0, -1):
        place = gazetteer.resolve(" ".join(w.group() for w in words[:k]), core_only=True)
        if place is not None and place.kind in ("country", "former-state"):
            return k
    return 0


def _split_glued_people(body: str, mentions: list[_Mention]) -> list[_Mention]:
    """A LOC/ORG span that is a country glued onto a person's name is a place and a person.

    ``Menlu Rusia Sergei Lavrov``, ``Australia Richard Marles mengatakan``: the model tags the whole run
    as a place.  The split needs a capitalised two- or three-word rest that is no place or organisation
    word, and a person's context: a title or office right before the span, or a speech/action verb after.
    Returns the new place mentions; the span itself becomes the person."""
    added = []
    for m in mentions:
        if m.label == "PER" or m.place is not None:
            continue
        words = list(re.finditer(r"\S+", m.text))
        if len(words) < 3:
            continue
        cut = _country_prefix(words)
        rest = [w.group() for w in words[cut:]] if cut else []
        if not 2 <= len(rest) <= 3 or not all(_name_word(w) for w in rest):
            continue
        if not (_ROLE_RE.search(body[max(0, m.start - 80):m.start]) or _verb_follows(body, m.end)):
            continue
        country = body[m.start:m.start + words[cut - 1].end()]
        added.append(_Mention(m.start, m.start + len(country), country, "LOC", name=country,
                              place=gazetteer.resolve(country, core_only=True), via="scan"))
        m.start += words[cut].start()
        m.text = m.name = body[m.start:m.end]
        m.label = "PER"
    return added


def _name_word(word: str) -> bool:
    """A word that can be part of a person's name: capitalised, not an acronym, head or place."""
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
        return False
    low = word.lower()
    if low in ORG_HEADS or low in TITLES:
        return False
    place = gazetteer.resolve(word, core_only=True)
    return place is None or place.kind not in ("country", "province", "former-state")


def _verb_follows(body: str, end: int) -> bool:
    """A speech or action verb (after optional adverbs) opens the text after ``end``."""
    for word in body[end:end + 60].split()[:3]:
        low = word.lower().strip(",.")
        if low in ACTOR_ADVERBS:
            continue
        return low in ACTOR_VERBS or low in SPEECH_VERBS
    return False


class _WordIndex:
    """Where a word of the body starts as a whole word (looked up lazily, cached per body)."""

    def __init__(self, body: str):
        self.body = body
        self._starts: dict[str, list[int]] = {}

    def starts(self, word: str) -> list[int]:
        found = self._starts.get(word)
        if found is None:
            found, body, i = [], self.body, self.body.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or not (body[i - 1].isalnum() or body[i - 1] == "-")) and \
                        (j >= len(body) or not (body[j].isalnum() or body[j] == "-")):
                    found.append(i)
                i = body.find(word, j)
            self._starts[word] = found
        return found

    def place_word(self, word: str) -> bool:
        """A country or province, or a town the article also names as a place (``di Sleman``)."""
        place = gazetteer.resolve(word, core_only=True)
        if place is None:
            return False
        if place.kind in ("country", "province", "former-state"):
            return True
        return any(self.body[max(0, i - 12):i].split()[-1:] and
                   self.body[max(0, i - 12):i].split()[-1].lower() in PLACE_CUES_BEFORE for i in self.starts(word))


def _cued_people(body: str, text: "_Text", mentions: list[_Mention]) -> list[_Mention]:
    """People the model missed: a capitalised name after a speech cue or before a speech verb.

    A LOC/ORG span of the model that is such a name, and no gazetteer place or
    known organisation, becomes PER (``Tokayev`` tagged LOC before ``menegaskan``).
    """
    added: list[_Mention] = []
    spans = sorted(mentions, key=lambda x: x.start)
    starts = [x.start for x in spans]
    for regex in (_CUE_NAME_RE, _NAME_CUE_RE):
        for hit in regex.finditer(body):
            start, end = _trailing_name(body, hit.start("name"), hit.end("name"))
            if start >= end or text.in_quote(start):
                continue
            i = bisect.bisect_left(starts, end)
            covering = [x for x in spans[max(0, i - 4):i] if _overlaps(start, end, x.start, x.end)]
            if any(x.label == "PER" for x in covering):
                continue
            name = body[start:end]
            if gazetteer.resolve(name) is not None or norm(name) in _org_table():
                continue
            exact = [x for x in covering if (x.start, x.end) == (start, end)]
            if exact:
                exact[0].label, exact[0].name, exact[0].place = "PER", name, None
            elif not covering:
                added.append(_Mention(start, end, name, "PER", name, via="cue"))
    return added


def _known_long_forms(body: str, mentions: list[_Mention]) -> list[_Mention]:
    """``Organisasi Perjanjian Keamanan Kolektif (CSTO)`` when the model tagged only the acronym:
    the capitalised words before ``(ACR)`` that name a known organisation join it."""
    added: list[_Mention] = []
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.label != "ORG" or not m.text.isupper() or body[m.start - 1:m.start] != "(":
            continue
        run = re.search(r"((?:[A-Z][\w\-]*\s+){1,8})\($", body[max(0, m.start - 120):m.start])
        if not run:
            continue
        words = list(re.finditer(r"\S+", run.group(1)))
        base = m.start - len(run.group(0))
        for k in range(len(words)):
            start, end = base + words[k].start(), base + words[-1].end()
            if norm(body[start:end]) in _org_table():
                if not any(_overlaps(start, end, s, e) for s, e in taken):
                    added.append(_Mention(start, end, body[start:end], "ORG", body[start:end], via="acronym"))
                    taken.append((start, end))
                break
    return added


def _trailing_name(body: str, start: int, end: int) -> tuple[int, int]:
    """The personal name that ends a capitalised run: ``Departemen … (AS) Ned Price`` -> ``Ned Price``."""
    words = list(re.finditer(r"[^\s]+", body[start:end]))
    keep = len(words)
    while keep > 0:
        w = words[keep - 1].group()
        low = w.lower()
        if low in ORG_HEADS or low in TITLES or (len(w) > 1 and w.isupper()) or w.startswith("(") or w.endswith(")"):
            break
        if low in NOT_A_NAME or gazetteer.resolve(w, core_only=True) is not None:
            break
        keep -= 1
        if len(words) - keep >= 4:
            break
    if keep == len(words):
        return start, start
    first = words[keep]
    return start + first.start(), start + words[-1].end()


# Capitalised words that open sentences or clauses but are no names.
NOT_A_NAME = frozenset("""ia dia beliau mereka kami kita saya pihak para sementara namun tetapi adapun selain itu
ini hal menurut kata ujar dalam pada saat ketika di ke dari juga kemudian lalu sebelumnya pemerintah presiden
""".split())


# --------------------------------------------------- 2. missed places ---

def _scan_places(body: str, mentions: list[_Mention]) -> list[_Mention]:
    """Gazetteer names in the text that no NER span covers (countries may sit inside an ORG name).

    A state's epithet ("Negeri Zionis") is taken whatever the NER made of it: the mentions inside it are
    removed from ``mentions``."""
    added = []
    for start, end, place in gazetteer.scan(body):
        covering = [m for m in mentions if _overlaps(start, end, m.start, m.end)]
        if place.kind == "country" and gazetteer.EPITHET.match(body, start) and \
                all(start <= m.start and m.end <= end for m in covering):
            mentions[:] = [m for m in mentions if m not in covering]  # "Negeri Zionis": not the person "Zionis"
            covering = []
        if any(m.label in ("PER", "LOC") for m in covering):
            continue
        if covering and place.kind not in ("country", "former-state"):
            continue
        before = body[max(0, start - 12):start].split()
        if before and before[-1].lower() in NOT_A_PLACE_BEFORE:
            continue
        if place.kind != "country" and re.match(r" [A-Z]", body[end:end + 2]):
            continue  # "Istana Maimun", "Jakarta Convention Center": part of a longer name
        if place.kind in ("city", "seat-of-government") and _part_of_longer_name(body, start):
            continue  # "Real Madrid", "Pengadilan Tipikor Jakarta", "Kompleks Istana Kepresidenan"
        m = _Mention(start, end, body[start:end], "LOC", name=body[start:end], place=place, via="scan")
        if m.text in gazetteer.SCAN_ACTOR_ONLY and not _used_as_actor(body, m):
            continue
        added.append(m)
    return added


# "ibukota Nur-Sultan", "kota Almaty": a place noun before a capitalised name that the
# gazetteer knows (any city, not only the large ones the plain scan looks for).
PLACE_CUE = re.compile(r"\b(?:ibu ?kota|kota|kabupaten|provinsi|negara bagian|wilayah)\s+"
                       r"(?P<name>[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?(?:\s[A-Z][\w'’]+)?)")


def _cued_places(body: str, mentions: list[_Mention]) -> list[_Mention]:
    added = []
    for m in PLACE_CUE.finditer(body):
        words = m.group("name").split()
        for n in range(len(words), 0, -1):  # the longest known name first
            name = " ".join(words[:n])
            start, end = m.start("name"), m.start("name") + len(name)
            if any(_overlaps(start, end, x.start, x.end) for x in mentions + added):
                break
            place = gazetteer.resolve(name)
            if place is not None:
                added.append(_Mention(start, end, name, "LOC", name=name, place=place, via="scan"))
                break
    return added


# ---------------------------------------------- 3. people: titles, roles ---

def _person_name(body: str, m: _Mention, text: _Text) -> None:
    """Strip titles inside the span; extend the mention over adjacent titles; read the role before it."""
    lead = _LEADING_TITLES_RE.match(m.text)
    if lead:
        m.name = m.text[lead.end():]
    window_start = max(text.sentence_start(m.start), m.start - 160)
    window = body[window_start:m.start]
    adjacent = _ADJACENT_TITLES_RE.search(window)
    if adjacent and not adjacent.group(1)[:1].isupper() and adjacent.group(1).split()[0].lower() not in RANKS:
        adjacent = None  # "kata pengamat Budi": a lower-case function gives the role, not the name
    if adjacent and not lead:
        m.start = window_start + adjacent.start(1)
        m.text = body[m.start:m.end]
    role = _ROLE_RE.search(window) if not lead else None
    title_part = (lead.group(0) if lead else adjacent.group(1) if adjacent else "").strip()
    if role:
        phrase = role.group(1).strip(" ,")
        m.role = _strip_honorifics(phrase)
    elif title_part:
        m.role = _strip_honorifics(title_part)


def _strip_honorifics(phrase: str) -> Optional[str]:
    words = phrase.split()
    while words and words[-1].lower() in HONORIFICS:
        words.pop()
    while words and words[0].lower() in HONORIFICS:
        words.pop(0)
    phrase = " ".join(words).strip(" ,")
    # "Kapolres Cirebon Kota, AKBP": the rank stays in the mention, the function is the role
    head, _, tail = phrase.rpartition(", ")
    if head and tail.lower() in RANKS:
        phrase = head
    return phrase or None


# --------------------------------------------------------- 4. grouping ---

def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", norm(name)) if t]


def _contained(short: list[str], long: list[str]) -> bool:
    """Every token of the short name appears in the long one, in order."""
    i = 0
    for tok in long:
        if i < len(short) and tok == short[i]:
            i += 1
    return i == len(short)


def _group_people(mentions: list[_Mention]) -> list[_Group]:
    by_name: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_name.setdefault(norm(m.name), []).append(m)
    groups: list[_Group] = []
    for name in sorted(by_name, key=lambda n: (-len(_tokens(n)), by_name[n][0].start)):
        toks = _tokens(name)
        hosts = [g for g in groups if _contained(toks, _tokens(g.key))]
        if hosts:
            first = by_name[name][0].start
            before = [g for g in hosts if g.first < first]
            host = max(before, key=lambda g: max(m.start for m in g.mentions if m.start < first)) if before else hosts[0]
        else:
            host = _Group("PER", name)
            groups.append(host)
        for m in by_name[name]:
            host.add(m)
    return _join_nicknames(groups)


def _join_nicknames(groups: list[_Group]) -> list[_Group]:
    """A one-word name that shortens exactly one full name of the article joins it:
    ``Risma`` (Tri Rismaharini), ``Prima`` (Sri Primawati), ``Jokowi`` (Joko Widodo)."""
    full = [g for g in groups if len(_tokens(g.key)) > 1]
    out = []
    for g in groups:
        toks = _tokens(g.key)
        if len(toks) == 1 and len(toks[0]) >= 4:
            hosts = [h for h in full if _shortens(toks[0], _tokens(h.key))]
            if len(hosts) == 1:
                for m in g.mentions:
                    hosts[0].add(m)
                continue
        out.append(g)
    return out


def _shortens(nick: str, name: list[str]) -> bool:
    """``nick`` is the start of one longer word of ``name``, or joins the starts of consecutive words."""
    if any(len(tok) > len(nick) and tok.startswith(nick) for tok in name):
        return True

    def blend(rest: str, i: int, parts: int) -> bool:
        if not rest:
            return parts >= 2
        if i >= len(name):
            return False
        return any(rest.startswith(name[i][:k]) and blend(rest[k:], i + 1, parts + 1)
                   for k in range(min(len(name[i]), len(rest)), 1, -1))

    return any(blend(nick, i, 0) for i in range(len(name) - 1))


def _link_acronyms(body: str, mentions: list[_Mention]) -> tuple[list[_Mention], dict[str, str]]:
    """``Long Form (ACR)``: the acronym becomes a mention of the same entity (added when NER missed it).

    Returns the added mentions and acronym -> norm(long form)."""
    added: list[_Mention] = []
    acronyms: dict[str, str] = {}
    taken = {(m.start, m.end) for m in mentions}
    for m in list(mentions):
        if m.label not in ("ORG", "LOC") or m.via != "ner":
            continue
        hit = _ACRONYM_AFTER_RE.match(body[m.end:m.end + 20])
        if not hit or sum(c.isupper() for c in hit.group(1)) < 2:
            continue
        start = m.end + hit.start(1)
        end = start + len(hit.group(1))
        acronym = hit.group(1)
        place = gazetteer.resolve(acronym, core_only=True)
        if place and m.label == "ORG":
            # "Departemen Luar Negeri Amerika Serikat (AS)": the acronym is the place the name ends with
            if place.kind in ("country", "former-state") and _ends_with_place(m.text, place):
                existing = [x for x in mentions if x.start == start and x.end == end]
                if not existing:
                    added.append(_Mention(start, end, acronym, "LOC", acronym, place=place, via="acronym"))
                continue
        label = m.label
        for x in mentions:
            if (x.start, x.end) == (start, end):
                x.label, x.via = label, "acronym"
                x.name = acronym
        if (start, end) not in taken:
            added.append(_Mention(start, end, acronym, label, acronym, place=m.place, via="acronym"))
            taken.add((start, end))
        acronyms[acronym] = norm(m.text)
    return added, acronyms


def _ends_with_place(text: str, place: Place) -> bool:
    words = norm(text)
    return any(words.endswith(" " + norm(p.name)) or words.endswith(" " + n)
               for p in [place] for n in _place_forms(place))


# Long press forms of places that organisation names end with: "Departemen Luar Negeri Amerika Serikat (AS)".
_LONG_PLACE_FORMS = ("amerika serikat", "rusia", "tiongkok", "indonesia", "inggris", "korea selatan", "korea utara",
                     "uni emirat arab", "arab saudi", "uni soviet", "republik indonesia")


def _place_forms(place: Place) -> list[str]:
    return [surface for surface, key in _long_place_keys() if key == place.key]


@functools.lru_cache(maxsize=1)
def _long_place_keys() -> list[tuple[str, str]]:
    out = []
    for surface in _LONG_PLACE_FORMS:
        place = gazetteer.resolve(surface, core_only=True)
        if place:
            out.append((surface, place.key))
    return out


def _group_others(mentions: list[_Mention], acronyms: dict[str, str]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if m.label == "LOC":
            key = "place:" + m.place.key if m.place else "loc:" + norm(m.text)
        else:
            surface = norm(m.text)
            key = "org:" + acronyms.get(m.text, surface)
            known = _org_table().get(surface)
            if known and not any(k == key for k in groups):
                alias = next((k for k, g in groups.items() if g.label == "ORG"
                              and _org_table().get(norm(g.mentions[0].text), ("",))[0] == known[0]), None)
                key = alias or key
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(m.label, key)
        group.add(m)
    return list(groups.values())


# ------------------------------------------------ 5. further occurrences ---

def _repeats(body: str, groups: list[_Group], mentions: list[_Mention]) -> None:
    """Plain later occurrences of a person's name parts, an ORG's acronym or long form, that NER missed."""
    form_group: dict[str, _Group] = {}
    for group in groups:
        if group.label == "PER":
            for m in group.mentions:
                parts = m.name.split()
                for form in (m.name, parts[-1] if len(parts) > 1 and len(parts[-1]) >= 3 else ""):
                    if form[:1].isupper():
                        form_group.setdefault(form, group)
        elif group.label == "ORG":
            for m in group.mentions:
                if m.text[:1].isupper() and (" " in m.text or m.text.isupper()):
                    form_group.setdefault(m.text, group)
    if not form_group:
        return
    by_first: dict[str, list[str]] = {}
    for form in sorted(form_group, key=len, reverse=True):
        by_first.setdefault(form.split()[0], []).append(form)
    taken = sorted((m.start, m.end) for m in mentions)
    for word in _CAPITALISED_WORD_RE.finditer(body):
        for form in by_first.get(word.group(0), ()):
            start, end = word.start(), word.start() + len(form)
            if not body.startswith(form, start) or (end < len(body) and (body[end].isalnum() or body[end] in "-_")):
                continue
            i = bisect.bisect_left(taken, (end, end))
            if any(_overlaps(start, end, s, e) for s, e in taken[max(0, i - 3):i]):
                break
            group = form_group[form]
            m = _Mention(start, end, form, group.label, form, via="repeat")
            group.add(m)
            mentions.append(m)
            taken.insert(i, (start, end))
            break


# ----------------------------------------------------- 6. coreference ---

def _anaphors(body: str, text: _Text, mentions: list[_Mention]) -> list[_Mention]:
    """Definite descriptions, pronouns in subject position and ``-nya`` of speech cues."""
    covered = sorted((m.start, m.end) for m in mentions)
    found: list[_Mention] = []

    def free(start, end):
        i = bisect.bisect_left(covered, (end, end))
        return not any(_overlaps(start, end, s, e) for s, e in covered[max(0, i - 3):i])

    for start, end, head in _descriptions(body):
        if free(start, end) and not text.in_quote(start):
            found.append(_Mention(start, end, body[start:end], "PER", head, via="description"))
    for hit in _PRONOUN_RE.finditer(body):
        start = hit.start()
        if text.in_quote(start) or not free(start, hit.end()):
            continue
        if hit.group(1).lower() == "beliau" or _subject_position(body, text, start, mentions):
            found.append(_Mention(start, hit.end(), hit.group(1), "PER", hit.group(1).lower(), via="pronoun"))
    for hit in _NYA_RE.finditer(body):
        if hit.group(1).lower() in _NYA_CUE_SET and not text.in_quote(hit.start()):
            found.append(_Mention(hit.start(2), hit.end(2), "nya", "PER", "nya", via="pronoun"))
    return found


def _descriptions(body: str) -> list[tuple[int, int, str]]:
    """(start, end, head) of "Presiden itu", "mantan menteri tersebut", "sang gubernur"."""
    out = []
    for hit in _DEMONSTRATIVE_RE.finditer(body):
        window_start = max(0, hit.start() - 40)
        head = _HEAD_BEFORE_RE.search(body[window_start:hit.start()])
        if head:
            out.append((window_start + head.start(), hit.end(), head.group(1).lower()))
    for hit in _SANG_RE.finditer(body):
        out.append((hit.start(), hit.end(), hit.group(1).lower()))
    return out


def _subject_position(body: str, text: _Text, start: int, mentions: list[_Mention]) -> bool:
    """Ia/Dia at the sentence start, after a leading adverbial and comma, or right after a speech cue."""
    sentence_start = text.sentence_start(start)
    before = body[sentence_start:start]
    if not before.strip(" \"“”'\n"):
        return True
    if _CUE_BEFORE_RE.search(before):
        return True
    if before.rstrip().endswith(",") and not any(sentence_start <= m.start < start and m.label == "PER" for m in mentions):
        return len(before.split()) <= 6
    return False


def _is_subject(body: str, text: _Text, m: _Mention) -> bool:
    before = body[text.sentence_start(m.start):m.start].split()
    return not (before and before[-1].lower() in OBJECT_MARKERS) and not text.in_quote(m.start)


def _resolve_anaphors(body: str, text: _Text, anaphors: list[_Mention], people: list[_Group]) -> list[_Mention]:
    """Walk the text in order; each anaphor takes the latest fitting antecedent before it."""
    events = sorted([m for g in people for m in g.mentions] + anaphors, key=lambda m: m.start)
    last_subject: Optional[tuple[_Group, int]] = None   # (group, sentence index)
    sentence_subject: dict[int, _Group] = {}
    resolved = []
    for m in events:
        sentence = text.sentence(m.start)
        if m.via in ("description", "pronoun"):
            group = None
            if m.via == "description":
                group = _role_holder(m, people)
            if group is None and last_subject and sentence - last_subject[1] <= ANTECEDENT_WINDOW:
                if m.via == "pronoun" or sentence - last_subject[1] <= 1:
                    group = last_subject[0]
            if group is None:
                continue
            group.add(m)
            resolved.append(m)
        if m.group is None:
            continue
        if sentence not in sentence_subject and _is_subject(body, text, m):
            sentence_subject[sentence] = m.group
            last_subject = (m.group, sentence)
    return resolved


def _role_holder(m: _Mention, people: list[_Group]) -> Optional[_Group]:
    """The person with a matching role whose latest mention precedes the description."""
    best, best_pos = None, -1
    for group in people:
        roles = [x.role.lower() for x in group.mentions if x.role and x.via not in ("description", "pronoun")]
        if not any(re.search(rf"(?<!\w){re.escape(m.name)}(?!\w)", r) for r in roles):
            continue
        before = [x.start for x in group.mentions if x.start < m.start and x.via not in ("description", "pronoun")]
        if before and max(before) > best_pos:
            best, best_pos = group, max(before)
    return best


# ---------------------------------------------- 7. seats of government ---

def _used_as_actor(body: str, m: _Mention) -> bool:
    before = body[max(0, m.start - 60):m.start]
    if _REACTION_BEFORE_RE.search(before):
        return True
    if _part_of_longer_name(body, m.start):
        return False  # "Pengadilan Tipikor Jakarta memutuskan": the court acts, not the capital
    previous = before.split()[-1:] or [""]
    if previous[0].lower() in LOCATIVES:
        return False  # "Kedutaan Besar AS di Hanoi mengatakan"
    after = body[m.end:m.end + 60].split()
    words = [w.strip(",.;:\"'”") .lower() for w in after[:4]]
    while words and words[0] in ACTOR_ADVERBS:
        words.pop(0)
    if words and words[0] in ACTOR_VERBS:
        return True
    return bool(re.search(r"(?i:menurut|pihak)\s+$", before))


def _part_of_longer_name(body: str, start: int) -> bool:
    """The word before is capitalised (or closes a parenthesis) inside the sentence: "Pemprov Jakarta"."""
    before = body[max(0, start - 40):start]
    hit = re.search(r"([\w)]+)[ \t]+$", before)
    if not hit:
        return False
    word = hit.group(1)
    return word.endswith(")") or (word[:1].isupper() and not re.search(r"[.!?:\n\"“”]\s*" + re.escape(word) + r"[ \t]+$", before))


# ------------------------------------------------------------ assemble ---

def _spaced(name: str, person: bool = False) -> str:
    """A name with the spaces the crawler dropped put back ("TNIhingga" -> "TNI hingga"); in a person's
    name two capitalised words run together are two names ("DonaldTrump" -> "Donald Trump")."""
    words = [" ".join(pieces(w)) if len(w) >= 5 and w.isalpha() else w for w in name.split()]
    if person:
        words = [re.sub(r"(?<=[a-z]{3})(?=[A-Z][a-z]{3})", " ", w) for w in words]  # not "WhatsApp"
    return " ".join(words)


def _entity(body: str, group: _Group, number: int, countries: set[str]) -> Entity:
    mentions = sorted({(m.start, m.end): m for m in group.mentions}.values(), key=lambda m: m.start)
    entity = Entity(id=f"E{number}", name="", type=group.label,
                    mentions=[Mention(body[m.start:m.end], m.start, m.end) for m in mentions])
    named = [m for m in mentions if m.via not in ("description", "pronoun")]
    if group.label == "PER":
        entity.kind = "person"
        entity.name = _spaced(max(named, key=lambda m: (len(_tokens(m.name)), len(m.name))).name, person=True)
        roles = [m.role for m in named if m.role]
        entity.role = max(roles, key=len) if roles else None
    elif group.label == "ORG":
        entity.kind = "organisation"
        known = next((_org_table()[norm(m.text)] for m in named if norm(m.text) in _org_table()), None)
        long_forms = [m.text for m in named if not m.text.isupper()] or [m.text for m in named]
        entity.name = known[0] if known else _spaced(max(long_forms, key=len))
        entity.country = known[1] if known and known[1] else _country_in(entity.name if not known else long_forms[0])
    else:
        place = next((m.place for m in mentions if m.place), None)
        if place is None:
            entity.name = max((m.text for m in named), key=len)
            entity.kind = "place"
        else:
            entity.name, entity.country = place.name, place.country
            entity.lat, entity.lon = place.lat, place.lon
            entity.kind = gazetteer.kind_label(place)
            if group.seat_of:
                entity.kind, entity.country = "seat-of-government", group.seat_of
    return entity


def _split_government_uses(body: str, group: _Group) -> list[_Group]:
    """A capital used as an actor is its government: those mentions become their own entity."""
    place = next((m.place for m in group.mentions if m.place), None)
    if group.label != "LOC" or place is None or not place.governs:
        return [group]
    if place.kind == "seat-of-government":
        return [group]  # the Kremlin, Gedung Putih: always the government
    acting = [m for m in group.mentions if _used_as_actor(body, m)]
    if not acting:
        return [group]
    seat = _Group("LOC", group.key + "#government")
    seat.seat_of = place.governs
    for m in acting:
        group.mentions.remove(m)
        seat.add(m)
    return [g for g in (group, seat) if g.mentions]


def _country_in(name: str) -> Optional[str]:
    for _, _, place in gazetteer.scan(name):
        if place.kind == "country":
            return place.country
    return None


def _resolve_places(mentions: list[_Mention]) -> None:
    """Geocode LOC mentions; cities of one name prefer the countries the article names."""
    for m in mentions:
        if m.label == "LOC" and m.place is None:
            m.place = gazetteer.resolve(m.text) if m.text[:1].isupper() else None
    countries = {m.place.country for m in mentions if m.place and m.place.kind == "country"}
    for m in mentions:
        if m.label == "LOC" and m.place is not None and m.place.kind == "city" and m.via == "ner":
            m.place = gazetteer.resolve(m.text, countries) or m.place


def find_entities(text: str, nlp_doc: Any) -> list[Entity]:
    """Entities of an article body: grouped mentions with canonical name, type, kind, country, coordinates."""
    body = text
    doc_text = _Text(body, nlp_doc)
    mentions = _clean(body, getattr(nlp_doc, "entities", None) or [])
    _repair_people(body, doc_text, mentions)
    _relabel(mentions)       # after the repair: "Sleman Heru Saptono" -> "Heru Saptono" frees "Sleman"
    mentions += _split_glued_people(body, mentions)
    mentions += _scan_places(body, mentions)
    mentions += _cued_places(body, mentions)
    mentions += _cued_people(body, doc_text, mentions)
    mentions += _known_long_forms(body, mentions)
    added, acronyms = _link_acronyms(body, mentions)
    mentions += added
    mentions = _dedupe(mentions)
    for m in mentions:
        if m.label == "PER":
            _person_name(body, m, doc_text)
    _resolve_places(mentions)
    _names_are_people(mentions)

    people = _group_people([m for m in mentions if m.label == "PER"])
    others = _group_others([m for m in mentions if m.label != "PER"], acronyms)
    _repeats(body, people + others, mentions)
    anaphors = _anaphors(body, doc_text, mentions)
    _resolve_anaphors(body, doc_text, anaphors, people)

    others = [part for g in others for part in _split_government_uses(body, g)]
    groups = sorted(people + others, key=lambda g: g.first)
    countries = {m.place.country for m in mentions if m.place}
    return [_entity(body, g, i, countries) for i, g in enumerate(groups, 1)]


def _names_are_people(mentions: list[_Mention]) -> None:
    """A LOC/ORG span that is no known place or organisation but a person's name elsewhere in the article is PER."""
    names: dict[str, int] = {}
    for m in mentions:
        if m.label == "PER" and m.via in ("ner", "cue"):
            parts = m.name.split()
            for form in {m.name, parts[-1] if len(parts) > 1 and len(parts[-1]) >= 3 else m.name}:
                names[form] = names.get(form, 0) + 1
    others: dict[str, int] = {}
    for m in mentions:
        if m.label != "PER":
            others[m.text] = others.get(m.text, 0) + 1
    for m in mentions:
        if (m.label != "PER" and m.place is None and names.get(m.text, 0) > others[m.text]
                and norm(m.text) not in _org_table()):
            m.label, m.name = "PER", m.text


def _dedupe(mentions: list[_Mention]) -> list[_Mention]:
    """One mention per span; a NER span wins over an added one."""
    rank = {"ner": 0, "acronym": 1, "scan": 2}
    best: dict[tuple[int, int], _Mention] = {}
    for m in mentions:
        key = (m.start, m.end)
        if key not in best or rank.get(m.via, 3) < rank.get(best[key].via, 3):
            best[key] = m
    return sorted(best.values(), key=lambda m: m.start)


# ------------------------------------------------------------- captions ---

def find_article_entities(article: Any, nlp_doc: Any, process: Optional[Any] = None) -> list[Entity]:
    """Entities of an Article's body, then of its image captions, merged into one list.

    Caption mentions carry ``field="images[i].caption"`` and offsets into that
    caption (a photo's place, ``bandara Almaty``, is often only there).  A
    caption entity that is a body entity (same type and name, or a person whose
    name contains the caption's form) joins it; ids follow the merged order.
    ``process`` turns a caption into an NLP doc (``warta.nlp.process``); without
    it captions get the gazetteer and rule layers only.
    """
    entities = find_entities(article.body, nlp_doc)
    for i, image in enumerate(getattr(article, "images", None) or []):
        caption = getattr(image, "caption", None)
        if not caption or not caption.strip():
            continue
        doc = process(caption) if process is not None else None
        for ent in find_entities(caption, doc):
            for m in ent.mentions:
                m.field = f"images[{i}].caption"
            host = _same_entity(entities, ent)
            if host is None:
                entities.append(ent)
            else:
                host.mentions.extend(ent.mentions)
                for attr in ("country", "lat", "lon", "kind", "role"):
                    if getattr(host, attr) is None:
                        setattr(host, attr, getattr(ent, attr))
    for n, ent in enumerate(entities, 1):
        ent.id = f"E{n}"
    return entities


def _same_entity(entities: list[Entity], other: Entity) -> Optional[Entity]:
    for ent in entities:
        if ent.type != other.type:
            continue
        if ent.name == other.name and (ent.kind == other.kind or other.kind is None):
            return ent
        if ent.type == "PER" and _contained(_tokens(other.name), _tokens(ent.name)):
            return ent
    return None
