"""Event coding on original sentences with hand-made entities (no NER model needed)."""
from __future__ import annotations

import re

from warta.events import find_events, lexicon
from warta.morphology import analyse
from warta.records import Analysis, Article, Entity, Mention, Quantity, Quote, Speaker, TimeExpression

BODY = ("Polisi Resor Bantul menangkap Joko Santoso di Yogyakarta pada Senin (3/3/2025). "
        "Kemudian Rudi Hartono ditahan oleh Kejaksaan Agung. "
        "Menteri Luar Negeri Retno Wulan mengecam serangan terhadap warga sipil. "
        "Pemerintah Malaysia tidak menolak usulan tersebut. "
        "Sekitar 300 pengunjuk rasa menggelar unjuk rasa di depan Gedung DPRD Sleman. "
        "Gubernur Ani Suryani akan menarik pasukan dari perbatasan. "
        "Harga cabai naik tajam pekan ini.")


def entity(eid, name, type_, *surfaces, country=None, kind=None):
    mentions = []
    for surface in surfaces:
        for m in re.finditer(re.escape(surface), BODY):
            mentions.append(Mention(surface, m.start(), m.end()))
    return Entity(eid, name, type_, mentions, country=country, kind=kind)


def analysis():
    entities = [
        entity("E1", "Polisi Resor Bantul", "ORG", "Polisi Resor Bantul", country="ID"),
        entity("E2", "Joko Santoso", "PER", "Joko Santoso"),
        entity("E3", "Yogyakarta", "LOC", "Yogyakarta", country="ID", kind="city"),
        entity("E4", "Rudi Hartono", "PER", "Rudi Hartono"),
        entity("E5", "Kejaksaan Agung", "ORG", "Kejaksaan Agung", country="ID"),
        entity("E6", "Retno Wulan", "PER", "Retno Wulan"),
        entity("E7", "Malaysia", "LOC", "Malaysia", country="MY", kind="country"),
        entity("E8", "Ani Suryani", "PER", "Ani Suryani"),
    ]
    times = [TimeExpression("Senin (3/3/2025)", BODY.index("Senin"), BODY.index("Senin") + 16, "DATE", "2025-03-03")]
    q_start = BODY.index("300")
    quantities = [Quantity("300 pengunjuk rasa", q_start, q_start + 18, 300, "pengunjuk rasa")]
    article = Article("a", "test", body=BODY, published="2025-03-04T10:00:00+07:00")
    return Analysis(article, entities=entities, times=times, quantities=quantities)


def by_trigger(events):
    return {e.trigger.text: e for e in events}


def test_morphology_finds_one_root_for_affixed_forms():
    for word in ("menarik", "ditarik", "penarikan"):
        assert "tarik" in analyse(word)
    assert analyse("ditahan")["tahan"] == "passive"
    assert analyse("penarikan")["tarik"] == "nominal"
    assert analyse("mempertanyakan").get("tanya") == "active"


def test_active_arrest_with_date_and_location():
    ev = by_trigger(find_events(analysis()))["menangkap"]
    assert (ev.type, ev.mode, ev.cameo, ev.quad_class) == ("COERCE", "arrest", "173", 4)
    assert ev.actor.name == "Polisi Resor Bantul" and ev.actor.code == "IDNCOP"
    assert ev.target.name == "Joko Santoso"
    assert ev.date == "2025-03-03" and ev.location.name == "Yogyakarta"
    assert BODY[ev.trigger.start:ev.trigger.end] == "menangkap"
    assert BODY[ev.sentence.start:ev.sentence.end].startswith("Polisi Resor Bantul")


def test_passive_with_oleh_swaps_roles():
    ev = by_trigger(find_events(analysis()))["ditahan"]
    assert ev.actor.name == "Kejaksaan Agung" and ev.actor.sector == "JUD"
    assert ev.target.name == "Rudi Hartono"
    assert ev.date == "2025-03-04"  # no date in the sentence: the publication date


def test_criticism_and_negation():
    events = by_trigger(find_events(analysis()))
    assert events["mengecam"].type == "DISAPPROVE" and events["mengecam"].actor.sector == "GOV"
    rejected = events["menolak"]
    assert rejected.type == "REJECT" and rejected.negated and rejected.actor.code == "MYSGOV"


def test_protest_size_and_hypothetical_withdrawal():
    events = by_trigger(find_events(analysis()))
    protest = events["unjuk rasa"]
    assert protest.type == "PROTEST" and protest.actor.sector == "CVL" and protest.size == 300
    withdrawal = events["menarik"]
    assert withdrawal.type == "RETREAT" and withdrawal.cameo == "0874" and withdrawal.hypothetical


def test_no_event_without_a_trigger_or_an_actor():
    events = find_events(analysis())
    assert not any("cabai" in e.sentence.text for e in events)
    bare = Analysis(Article("b", "t", body="Ditangkap di rumahnya."), entities=[])
    assert find_events(bare) == []  # passive, no agent, no country to attribute it to


def test_lexicon_rows_are_well_formed():
    plover = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "INVESTIGATE", "DEMAND",
              "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "FIGHT",
              "CRIME"}
    from warta.events import cameo_table
    for rules in lexicon().values():
        for rule in rules:
            assert rule.type in plover
            assert rule.cameo is None or rule.cameo in cameo_table(), rule


# ------------------------------------------------ roles, nouns of action ---

def _analysis(body, *entities, published="2025-05-02T09:00:00+07:00", url=None):
    made = []
    for eid, name, type_, surfaces, country, kind in entities:
        mentions = [Mention(s, m.start(), m.end()) for s in surfaces for m in re.finditer(re.escape(s), body)]
        made.append(Entity(eid, name, type_, mentions, country=country, kind=kind))
    return Analysis(Article("s", "t", url=url, body=body, published=published), entities=made)


def test_speaker_is_not_the_actor_of_the_reported_deed():
    body = "Juru bicara Kemlu Siti Aminah mengatakan Malaysia menyambut baik pembebasan tahanan oleh Thailand."
    events = find_events(_analysis(body, ("E1", "Siti Aminah", "PER", ["Siti Aminah"], None, None),
                                   ("E2", "Malaysia", "LOC", ["Malaysia"], "MY", "country"),
                                   ("E3", "Thailand", "LOC", ["Thailand"], "TH", "country")))
    support = next(e for e in events if e.type == "SUPPORT")
    assert support.actor.name == "Malaysia" and support.actor.code == "MYSGOV"


def test_dyadic_speech_without_anyone_receiving_it_is_not_coded():
    body = "Bupati Sri Lestari berterima kasih atas kerja keras semua pihak dan berkoordinasi via radio."
    events = find_events(_analysis(body, ("E1", "Sri Lestari", "PER", ["Sri Lestari"], None, None)))
    assert not [e for e in events if e.type in ("SUPPORT", "CONSULT")]


def test_triggers_and_names_across_glued_words():
    body = "Kapolda Budi Santoso akan berkoordinasi denganSatgas Pangan Nasional pekan depan."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None)))
    consult = next(e for e in events if e.type == "CONSULT")
    assert consult.target is not None and "Satgas" in consult.target.name and consult.hypothetical


def test_a_noun_of_action_glued_after_a_light_verb_but_not_after_another_word():
    body = "Massa menggelardemo di depan kantor Gubernur Jambi pagi tadi."
    assert [(e.type, e.actor.name) for e in find_events(_analysis(body))] == [("PROTEST", "Massa")]
    body = "Massa melihat kasusdemo di depan kantor Gubernur Jambi pagi tadi."   # a bare noun glued on: no
    assert find_events(_analysis(body)) == []


def test_passive_agent_named_right_after_the_verb():
    body = "Warga bernama Yohanes Kogoya ditangkap prajurit TNI di Distrik Sugapa."
    events = find_events(_analysis(body, ("E1", "Yohanes Kogoya", "PER", ["Yohanes Kogoya"], None, None),
                                   ("E2", "TNI", "ORG", ["TNI"], "ID", None)))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.actor.code == "IDNMIL" and arrest.target.name == "Yohanes Kogoya"


def test_noun_of_action_takes_the_actor_after_it_and_reactions_target_that_actor():
    body = "Pemerintah Norwegia mengecam serangan udara Chile terhadap Peru."
    events = find_events(_analysis(body, ("E1", "Norwegia", "LOC", ["Norwegia"], "NO", "country"),
                                   ("E2", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E3", "Peru", "LOC", ["Peru"], "PE", "country")))
    kinds = {(e.type, e.actor.name, e.target.name if e.target else None) for e in events}
    assert ("DISAPPROVE", "Pemerintah Norwegia", "Chile") in kinds or ("DISAPPROVE", "Norwegia", "Chile") in kinds
    assert ("FIGHT", "Chile", "Peru") in kinds


def test_denial_negates_the_denied_deed_and_is_not_an_event():
    body = "Polda Maluku membantah anggotanya menganiaya Frans Latue."
    events = find_events(_analysis(body, ("E1", "Polda Maluku", "ORG", ["Polda Maluku"], "ID", None),
                                   ("E2", "Frans Latue", "PER", ["Frans Latue"], None, None)))
    assert [e.type for e in events] == ["ASSAULT"]
    assert events[0].negated and events[0].target.name == "Frans Latue"


def test_words_inside_a_name_are_not_triggers():
    body = "Ketua Komisi Pemberantasan Korupsi Budi Santosa hadir di Surabaya."
    events = find_events(_analysis(body, ("E1", "Komisi Pemberantasan Korupsi", "ORG",
                                          ["Komisi Pemberantasan Korupsi"], "ID", None)))
    assert events == []


def test_agentless_arrest_is_the_articles_police_and_suspect_naming_is_investigate():
    body = ("Polres Sleman menggelar konferensi pers. Dua pemuda ditangkap di sebuah kos. "
            "Keduanya ditetapkan sebagai tersangka.")
    events = find_events(_analysis(body, ("E1", "Polres Sleman", "ORG", ["Polres Sleman"], "ID", None)))
    types = {e.type: e for e in events}
    assert types["COERCE"].actor.name == "Polres Sleman" and types["COERCE"].target.name == "pemuda"
    assert types["INVESTIGATE"].mode == "suspect named"


def test_implicit_protesters_for_a_nominal_protest():
    body = "Presiden Jose Ramos menyalahkan pihak asing atas kerusuhan selama unjuk rasa di Dili."
    events = find_events(_analysis(body, ("E1", "Jose Ramos", "PER", ["Jose Ramos"], None, None),
                                   ("E2", "Dili", "LOC", ["Dili"], "TL", "city")))
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.actor.name == "pengunjuk rasa" and protest.actor.code == "TLSCVL"


def test_bare_role_noun_refers_back_to_the_private_person_named_earlier():
    body = ("Seorang pedagang bernama Dedi Kurniawan memukul tetangganya di Bekasi. "
            "Kapolsek Bekasi Kota Kompol Ahmad Yani mengatakan pelaku telah ditangkap polisi. "
            "Polisi juga memeriksa empat tersangka lain.")
    events = find_events(_analysis(body, ("E1", "Dedi Kurniawan", "PER", ["Dedi Kurniawan"], None, None),
                                   ("E2", "Ahmad Yani", "PER", ["Ahmad Yani"], None, None),
                                   ("E3", "Bekasi", "LOC", ["Bekasi"], "ID", "city")))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.target.name == "Dedi Kurniawan"  # not the police chief, the nearer person
    questioning = next(e for e in events if e.type == "INVESTIGATE")
    assert questioning.target.name == "tersangka"  # plural: not referred back


def test_bare_deed_noun_without_anyone_hit_is_not_an_assault():
    body = "Pemerintah Malaysia mengecam serangan yang dilakukan kelompok bersenjata itu."
    events = find_events(_analysis(body, ("E1", "Malaysia", "LOC", ["Malaysia"], "MY", "country")))
    assert not [e for e in events if e.type == "ASSAULT"]


def test_agentless_arrest_is_not_a_foreign_bodys():
    body = ("Kementerian Pertahanan Rusia mengirim pesawat ke Almaty. "
            "Di Kazakhstan, ratusan aktivis ditahan di Almaty dan Astana. Kazakhstan menutup internet.")
    events = find_events(_analysis(body, ("E1", "Kementerian Pertahanan Rusia", "ORG", ["Kementerian Pertahanan Rusia"],
                                          None, None),
                                   ("E2", "Kazakhstan", "LOC", ["Kazakhstan"], "KZ", "country"),
                                   ("E3", "Almaty", "LOC", ["Almaty"], "KZ", "city"),
                                   ("E4", "Astana", "LOC", ["Astana"], "KZ", "seat-of-government")))
    arrest = next(e for e in events if e.type == "COERCE" and e.mode == "arrest")
    assert arrest.actor.code == "KAZGOV" and arrest.target.name == "aktivis"


def test_subject_named_in_an_appositive_before_the_verb():
    body = "Dalam kesempatan itu, kuasa hukum keluarga, Dewi Lestari, berterima kasih kepada Komisi Yudisial."
    events = find_events(_analysis(body, ("E1", "Dewi Lestari", "PER", ["Dewi Lestari"], None, None),
                                   ("E2", "Komisi Yudisial", "ORG", ["Komisi Yudisial"], "ID", None)))
    thanks = next(e for e in events if e.type == "SUPPORT")
    assert thanks.actor.name == "Dewi Lestari" and thanks.target.name == "Komisi Yudisial"


def test_pelaku_is_the_doer_of_the_deed_reported_before():
    body = ("Seorang pria memukul istrinya di Surabaya. Ibu korban, Sumiati, melapor ke polisi. "
            "Kapolsek Rungkut mengatakan pelaku telah ditangkap.")
    events = find_events(_analysis(body, ("E1", "Sumiati", "PER", ["Sumiati"], None, None),
                                   ("E2", "Surabaya", "LOC", ["Surabaya"], "ID", "city")))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.target.name == "pria"


def test_agentless_arrest_is_the_body_an_official_speaks_for():
    body = ("Seorang pemuda mencuri sepeda motor di Malang. Kasat Reskrim Polresta Malang Kota AKP Budi Wirawan "
            "mengatakan pelaku sudah diamankan.")
    ent = Entity("E1", "Budi Wirawan", "PER", [Mention("AKP Budi Wirawan", body.index("AKP"), body.index("AKP") + 16)],
                 role="Kasat Reskrim Polresta Malang Kota AKP")
    a = _analysis(body, ("E2", "Malang", "LOC", ["Malang"], "ID", "city"))
    a.entities.append(ent)
    arrest = next(e for e in find_events(a) if e.type == "COERCE")
    assert arrest.actor.name == "Polresta Malang Kota" and arrest.actor.code == "IDNCOP"


def test_public_call_needs_no_addressee_but_a_request_does():
    body = "Menlu Norwegia Anne Berg menyerukan gencatan senjata segera. Anne Berg juga meminta keadilan."
    events = find_events(_analysis(body, ("E1", "Anne Berg", "PER", ["Anne Berg"], "NO", None)))
    assert [(e.type, e.mode, e.target) for e in events] == [("DEMAND", "call for", None)]


def test_an_institution_read_as_a_place_can_act():
    body = "SMA Negeri 3 Medan meminta Komisi Yudisial memantau sidang itu."
    events = find_events(_analysis(body, ("E1", "SMA Negeri 3 Medan", "LOC", ["SMA Negeri 3 Medan"], "ID", "place"),
                                   ("E2", "Komisi Yudisial", "ORG", ["Komisi Yudisial"], "ID", None)))
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.actor.name == "SMA Negeri 3 Medan" and demand.target.name == "Komisi Yudisial"


def test_a_later_short_name_is_the_person_named_in_full():
    body = "Yosef Wandikbo hilang sejak Senin. Yosef memang ditangkap prajurit TNI pekan lalu."
    events = find_events(_analysis(body, ("E1", "Yosef Wandikbo", "PER", ["Yosef Wandikbo"], None, None),
                                   ("E2", "TNI", "ORG", ["TNI"], "ID", None)))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.target.name == "Yosef Wandikbo" and arrest.target.entity_id == "E1"


def test_yang_bersangkutan_refers_back_to_the_person_concerned():
    body = "Polisi menangkap Agus Salim di rumahnya. Benar yang bersangkutan bermain judi online."
    events = find_events(_analysis(body, ("E1", "Agus Salim", "PER", ["Agus Salim"], None, None)))
    crime = next(e for e in events if e.type == "CRIME")
    assert crime.actor.name == "Agus Salim"


def test_agent_noun_pelapor_the_subject_reports_the_name_after_it():
    body = "Dedi Mulyana diperiksa penyidik selaku pelapor Bupati Hasan Basri dalam kasus pencemaran nama baik."
    events = find_events(_analysis(body, ("E1", "Dedi Mulyana", "PER", ["Dedi Mulyana"], None, None),
                                   ("E2", "Hasan Basri", "PER", ["Hasan Basri"], None, None)))
    report = next(e for e in events if e.type == "DISAPPROVE")
    assert report.actor.name == "Dedi Mulyana" and report.target.name == "Hasan Basri" and report.mode == "complain"


def test_attacking_someones_reputation_is_criticism_and_questioning_needs_someone():
    body = "Rina Wati menyerang pribadi Bupati Hasan Basri. Polisi akan memeriksa saksi-saksi pekan depan."
    events = find_events(_analysis(body, ("E1", "Hasan Basri", "PER", ["Hasan Basri"], None, None),
                                   ("E2", "Rina Wati", "PER", ["Rina Wati"], None, None)))
    assert [(e.type, e.mode) for e in events if e.target and e.target.name == "Hasan Basri"] == \
        [("DISAPPROVE", "criticize")]
    assert not [e for e in events if e.type in ("ASSAULT", "INVESTIGATE")]


def test_law_and_war_vocabulary():
    cases = [
        ("Jaksa Ahmad Fauzi mendakwa Budi Hartono melakukan pencucian uang.", "DISAPPROVE", "prosecute"),
        ("Penyidik Polda Jambi menjerat Budi Hartono dengan pasal berlapis.", "DISAPPROVE", "prosecute"),
        ("Polres Sleman menggerebek Budi Hartono di sebuah rumah kos.", "INVESTIGATE", "search"),
        ("Kementerian Sosial memberikan bantuan kepada Budi Hartono.", "AID", "aid"),
    ]
    for body, type_, mode in cases:
        ents = [("E1", "Budi Hartono", "PER", ["Budi Hartono"], None, None),
                ("E2", "Ahmad Fauzi", "PER", ["Ahmad Fauzi"], None, None),
                ("E3", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                ("E4", "Polres Sleman", "ORG", ["Polres Sleman"], "ID", None),
                ("E5", "Kementerian Sosial", "ORG", ["Kementerian Sosial"], "ID", None)]
        events = find_events(_analysis(body, *ents))
        assert [(e.type, e.mode, e.target.name) for e in events] == [(type_, mode, "Budi Hartono")], body
    body = "Iran meluncurkan rudal balistik ke Israel pada Jumat malam."
    events = find_events(_analysis(body, ("E1", "Iran", "LOC", ["Iran"], "IR", "country"),
                                   ("E2", "Israel", "LOC", ["Israel"], "IL", "country")))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("FIGHT", "Iran", "Israel")]


def test_light_verb_reaches_past_a_count():
    body = "Polda Jambi sudah melakukan 1.201 operasi tangkap tangan di berbagai wilayah."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None)))
    assert [(e.type, e.mode, e.actor.name) for e in events] == [("COERCE", "arrest", "Polda Jambi")]


def test_modal_in_a_quote_is_the_speakers_demand_of_the_name_before_it():
    body = '"(ASEAN) harus menepati janjinya untuk segera menarik diri," kata Linda Hart. "Kami harus bersabar," ujarnya.'
    a = _analysis(body, ("E1", "ASEAN", "ORG", ["ASEAN"], None, None),
                  ("E2", "Linda Hart", "PER", ["Linda Hart"], "US", None))
    first_end = body.index(",\"") + 2
    a.quotes = [Quote(body[:first_end], 0, first_end, "direct", speaker=Speaker("Linda Hart", "E2")),
                Quote('"Kami harus bersabar,"', body.index('"Kami'), body.index('ujarnya') - 1, "direct",
                      speaker=Speaker("Linda Hart", "E2"))]
    demands = [e for e in find_events(a) if e.type == "DEMAND"]
    assert [(e.actor.name, e.target.name) for e in demands] == [("Linda Hart", "ASEAN")]
    assert not find_events(_analysis(body.replace('"', ""), ("E1", "ASEAN", "ORG", ["ASEAN"], None, None)))


def test_proven_crime_and_coordinated_suspects_past_a_name_tail():
    body = ("Dalam perkara itu, Rudi Hartono dinilai terbukti menerima uang Rp 2 miliar. "
            "KPK juga menetapkan Sari Dewi Lestari dan adiknya, Bima Santoso, sebagai tersangka.")
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                                   ("E2", "KPK", "ORG", ["KPK"], "ID", None),
                                   ("E3", "Sari Dewi", "PER", ["Sari Dewi"], None, None),
                                   ("E4", "Bima Santoso", "PER", ["Bima Santoso"], None, None)))
    assert [(e.type, e.actor.name, e.target) for e in events if e.type == "CRIME"] == [("CRIME", "Rudi Hartono", None)]
    named = [e.target.name for e in events if e.type == "INVESTIGATE"]
    assert named == ["Sari Dewi", "Bima Santoso"]


def test_para_pelaku_after_an_armed_bands_deed_is_the_band():
    body = "KKB Yosua Tabuni menembaki pos ronda di Sinak. Prajurit TNI berhasil memukul mundur para pelaku."
    events = find_events(_analysis(body, ("E1", "KKB Yosua Tabuni", "ORG", ["KKB Yosua Tabuni"], "ID", None),
                                   ("E2", "TNI", "ORG", ["TNI"], "ID", None),
                                   ("E3", "Sinak", "LOC", ["Sinak"], "ID", "city")))
    repel = next(e for e in events if e.mode == "repel")
    assert repel.actor.name == "TNI" and repel.target.name == "KKB Yosua Tabuni"


def test_owned_party_object_is_the_party_last_named():
    body = ("Partai Amanat Rakyat melaporkan Joni Saputra ke polisi. "
            "Kader kecewa karena ucapan Joni Saputra yang menuding partainya menerima dana gelap.")
    events = find_events(_analysis(body, ("E1", "Partai Amanat Rakyat", "ORG", ["Partai Amanat Rakyat"], "ID", None),
                                   ("E2", "Joni Saputra", "PER", ["Joni Saputra"], None, None)))
    accuse = next(e for e in events if e.mode == "accuse")
    assert accuse.actor.name == "Joni Saputra" and accuse.target.name == "Partai Amanat Rakyat"


def test_ia_is_the_person_the_sentence_opens_with():
    body = ("Rina Wati bertemu warga di balai desa. Bupati Hasan Basri mengatakan pemda tidak bisa memutuskan, "
            "tetapi ia berjanji akan menyampaikan aspirasi masyarakat kepada pemerintah pusat.")
    events = find_events(_analysis(body, ("E1", "Rina Wati", "PER", ["Rina Wati"], None, None),
                                   ("E2", "Hasan Basri", "PER", ["Hasan Basri"], None, None)))
    promise = next(e for e in events if e.type == "AGREE")
    assert promise.actor.name == "Hasan Basri"


def test_bribe_given_by_a_described_agent_goes_to_the_taker_named_before():
    body = ("Hakim menilai Rudi Hartono terbukti menerima uang Rp 2 miliar. "
            "Suap diberikan oleh pengusaha tambang yang sedang berperkara di MA, Doni Saputra, melalui perantara.")
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                                   ("E2", "Doni Saputra", "PER", ["Doni Saputra"], None, None)))
    bribe = next(e for e in events if e.trigger.text == "Suap")
    assert bribe.actor.name == "Doni Saputra" and bribe.target.name == "Rudi Hartono"


def test_suspects_named_by_initials_are_kept_apart_and_arrested_by_the_relative_head():
    body = ("Polsek Depok mengamankan dua tersangka berinisial RT (31) dan AB (28). "
            "Begitu pula dengan Polsek Cimanggis yang juga menangkap dua tersangka, KL (40) dan DS (22).")
    events = find_events(_analysis(body, ("E1", "Polsek Depok", "ORG", ["Polsek Depok"], "ID", None),
                                   ("E2", "Polsek Cimanggis", "ORG", ["Polsek Cimanggis"], "ID", None)))
    arrests = [(e.actor.name, e.target.name, e.target.code) for e in events if e.type == "COERCE"]
    assert arrests == [("Polsek Depok", "RT dan AB", "IDNCRM"), ("Polsek Cimanggis", "KL dan DS", "IDNCRM")]


def test_calling_someone_a_threat_or_in_breach_is_an_accusation():
    body = ("Menteri Ahmad Fauzi menyebut Budi Hartono sebagai ancaman bagi keamanan. "
            "Ahmad Fauzi menyebut Budi Hartono akan hadir karena ingin menjawab fitnah. "
            "Polda Jambi menilai Kementerian Sosial melanggar aturan.")
    events = find_events(_analysis(body, ("E1", "Budi Hartono", "PER", ["Budi Hartono"], None, None),
                                   ("E2", "Ahmad Fauzi", "PER", ["Ahmad Fauzi"], None, None),
                                   ("E3", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E5", "Kementerian Sosial", "ORG", ["Kementerian Sosial"], "ID", None)))
    accused = [(e.actor.name, e.target.name) for e in events if e.type == "DISAPPROVE"]
    assert accused == [("Ahmad Fauzi", "Budi Hartono"), ("Polda Jambi", "Kementerian Sosial")]


def test_goods_seized_from_someone_name_them_as_target():
    body = "Dari tangan Budi Hartono, polisi menyita sabu seberat 3 gram."
    events = find_events(_analysis(body, ("E1", "Budi Hartono", "PER", ["Budi Hartono"], None, None)))
    assert [(e.mode, e.target.name) for e in events] == [("confiscate", "Budi Hartono")]


def _coded(body, *entities):
    return [(e.type, e.mode, e.actor.name, e.target.name if e.target else None)
            for e in find_events(_analysis(body, *entities))]


def test_force_on_a_city_of_another_country_is_fight_against_that_country():
    body = "Pasukan Lumeria meluncurkan rudal ke Kota Arvel pada Selasa. Polisi mengevakuasi warga dari Kota Arvel."
    coded = _coded(body, ("E1", "Lumeria", "LOC", ["Lumeria"], "IR", "country"),
                   ("E2", "Kota Arvel", "LOC", ["Kota Arvel"], "IL", "city"))
    assert ("FIGHT", "missiles", "Pasukan Lumeria", "Israel") in coded
    assert ("AID", "evacuation", "Polisi", "warga") in coded
    same = _coded("Pasukan Lumeria meluncurkan rudal ke Kota Arvel.", ("E1", "Lumeria", "LOC", ["Lumeria"], "IR", "country"),
                  ("E2", "Kota Arvel", "LOC", ["Kota Arvel"], "IR", "city"))
    assert same == []  # a city of its own country: no foreign target, no dyadic event


def test_armed_clash_storming_and_seizing_territory():
    body = ("Prajurit TNI terlibat kontak senjata dengan KKB Tabuni di Sinak. "
            "Pasukan Lumeria menyerbu Kaltara.")
    coded = _coded(body, ("E1", "TNI", "ORG", ["TNI"], "ID", None),
                   ("E2", "KKB Tabuni", "ORG", ["KKB Tabuni"], "ID", None),
                   ("E3", "Lumeria", "LOC", ["Lumeria"], "IR", "country"),
                   ("E4", "Kaltara", "LOC", ["Kaltara"], "IL", "country"))
    assert ("FIGHT", "exchange of fire", "TNI", "KKB Tabuni") in coded
    assert ("FIGHT", "assault", "Pasukan Lumeria", "Kaltara") in coded
    seized = _coded("Pasukan Lumeria merebut wilayah Kaltara.", ("E3", "Lumeria", "LOC", ["Lumeria"], "IR", "country"),
                    ("E4", "Kaltara", "LOC", ["Kaltara"], "IL", "country"))
    assert seized == [("FIGHT", "occupy territory", "Pasukan Lumeria", "Kaltara")]
    assert not _coded("Partai Lumeria merebut kursi Kaltara.", ("E4", "Kaltara", "LOC", ["Kaltara"], "IL", "country"))
    assert not _coded("Warga menyerbu toko sembako Budi Hartono.", ("E1", "Budi Hartono", "PER", ["Budi Hartono"], None, None))


def test_challenge_mastermind_accusation_and_resignation():
    body = ("Ahmad Fauzi menantang Budi Hartono untuk berdebat. "
            "Ahmad Fauzi menyebut Budi Hartono sebagai dalang kerusuhan. "
            "Bupati Budi Hartono mundur dari jabatannya. Sari Dewi mengundurkan diri dari kursi ketua partai.")
    coded = _coded(body, ("E1", "Ahmad Fauzi", "PER", ["Ahmad Fauzi"], None, None),
                   ("E2", "Budi Hartono", "PER", ["Budi Hartono"], None, None),
                   ("E3", "Sari Dewi", "PER", ["Sari Dewi"], None, None))
    assert ("DEMAND", "challenge", "Ahmad Fauzi", "Budi Hartono") in coded
    assert ("DISAPPROVE", "accuse", "Ahmad Fauzi", "Budi Hartono") in coded
    assert ("CONCEDE", "resign", "Budi Hartono", None) in coded
    assert ("CONCEDE", "resign", "Sari Dewi", None) in coded
    assert not [c for c in _coded("Ahmad Fauzi mundur dari lomba lari.", ("E1", "Ahmad Fauzi", "PER", ["Ahmad Fauzi"], None, None))
                if c[0] == "CONCEDE"]


def test_dialogue_and_audience_are_consultations():
    body = "Gubernur Ani Suryani berdialog dengan Rudi Hartono di Medan. Rudi Hartono menggelar audiensi dengan Ani Suryani."
    coded = _coded(body, ("E1", "Ani Suryani", "PER", ["Ani Suryani"], None, None),
                   ("E2", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                   ("E3", "Medan", "LOC", ["Medan"], "ID", "city"))
    assert ("CONSULT", "discuss", "Ani Suryani", "Rudi Hartono") in coded
    assert ("CONSULT", "meet", "Rudi Hartono", "Ani Suryani") in coded


def test_a_threat_is_coded_once_and_an_unmet_condition_makes_one():
    def coded(body):
        events = find_events(_analysis(body, ("E1", "Lumeria", "LOC", ["Lumeria"], "IR", "country"),
                                       ("E2", "Kaltara", "LOC", ["Kaltara"], "IL", "country")))
        return [(e.type, e.mode, e.hypothetical, e.actor.name, e.target.name) for e in events]

    # the threatened act is not coded apart from the threat
    assert coded("Lumeria mengancam akan menyerang Kaltara.") == [("THREATEN", "threaten", False, "Lumeria", "Kaltara")]
    assert coded("Jika Kaltara tidak menyerah, Lumeria akan menyerang Kaltara.") == [
        ("THREATEN", "conditional threat", False, "Lumeria", "Kaltara")]
    assert coded("Jika cuaca tidak membaik, Lumeria akan menyerang Kaltara.") == [
        ("FIGHT", "attack", True, "Lumeria", "Kaltara")]


def test_aid_sent_to_a_place_goes_to_the_people_living_there():
    body = "Pemerintah Malaysia mengirim bantuan kemanusiaan ke Gaza pada Senin."
    ents = [Entity("E1", "Malaysia", "LOC", [Mention("Malaysia", 11, 19)], country="MY", kind="country"),
            Entity("E2", "Gaza", "LOC", [Mention("Gaza", body.index("Gaza"), body.index("Gaza") + 4)],
                   country="PS", kind="city")]
    article = Article("a", "test", body=body, published="2025-03-04T10:00:00+07:00")
    ev = by_trigger(find_events(Analysis(article, entities=ents)))["mengirim"]
    assert ev.type == "AID" and ev.actor.code == "MYSGOV"
    assert ev.target.code == "PSECVL" and ev.target.country == "PS"


def test_menyepakati_is_a_light_verb_for_a_ceasefire():
    body = "Pemerintah Thailand menyepakati gencatan senjata pada Senin."
    ents = [Entity("E1", "Thailand", "LOC", [Mention("Thailand", 11, 19)], country="TH", kind="country")]
    article = Article("a", "test", body=body, published="2025-03-04T10:00:00+07:00")
    ev = by_trigger(find_events(Analysis(article, entities=ents)))["gencatan senjata"]
    assert ev.mode == "ceasefire" and ev.actor.code == "THAGOV"


def test_the_pipeline_refuses_spans_outside_the_body():
    from warta import pipeline
    from warta.records import Article

    def broken(ctx):
        ctx.analysis.quantities = [Quantity("x", 5, 500, 1.0)]

    pipeline.REGISTRY["broken"] = pipeline.Component("broken", ("body",), ("quantities",), broken)
    try:
        result = pipeline.analyze(Article("a", "t", body="Pendek."), ["broken"])
    finally:
        del pipeline.REGISTRY["broken"]
    assert result.quantities == [] or any("outside the body" in w for w in result.article.warnings)
    assert any("W150" in w and "broken" in w for w in result.article.warnings)


def test_triggers_inside_words_glued_in_running_text():
    body = "Polisi Resor Sleman kemarin menahanlima pemuda di Depok. Gubernur Ani Suryani mendukungpenertiban itu."
    ents = [Entity("E1", "Polisi Resor Sleman", "ORG", [Mention("Polisi Resor Sleman", 0, 19)], country="ID"),
            Entity("E2", "Ani Suryani", "PER", [Mention("Ani Suryani", body.index("Ani"), body.index("Ani") + 11)],
                   country="ID")]
    article = Article("a", "test", body=body, published="2025-03-04T10:00:00+07:00")
    events = by_trigger(find_events(Analysis(article, entities=ents)))
    ev = events["menahan"]                      # the sub-word, with its own offsets into the body
    assert ev.type == "COERCE" and ev.actor.code == "IDNCOP"
    assert body[ev.trigger.start:ev.trigger.end] == "menahan" and ev.trigger.start == body.index("menahanlima")
    assert article.body == body                 # the body is read, never rewritten


def test_a_noun_glued_to_a_preposition_is_no_new_trigger():
    body = "Menteri Ani Suryani mendorong pencegahan korupsidi lingkungan kementerian."
    ents = [Entity("E1", "Ani Suryani", "PER", [Mention("Ani Suryani", 8, 19)], country="ID")]
    article = Article("a", "test", body=body, published="2025-03-04T10:00:00+07:00")
    assert "korupsi" not in by_trigger(find_events(Analysis(article, entities=ents)))


# ------------------------------------------- lexicon mined from the news ---

def test_morphology_of_new_lexicon_rows():
    assert analyse("dimintai")["minta"] == "passive"
    assert analyse("menghimbau")["himbau"] == "active"
    assert analyse("mempidanakan")["pidana"] == "active"
    assert analyse("menertibkan")["tertib"] == "active"
    assert analyse("penertiban")["tertib"] == "nominal"
    assert analyse("memberhentikan")["henti"] == "active"
    assert analyse("pemerasan")["peras"] == "nominal"
    assert "peras" not in analyse("perasaan")


def _types(body, *entities):
    return {(e.type, e.mode) for e in find_events(_analysis(body, *entities))}


def test_new_rows_code_their_forms_and_leave_lookalikes_alone():
    bayu = ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)
    polres = ("E2", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)
    assert ("INVESTIGATE", "questioning") in _types("Bayu Saputra dimintai keterangan oleh Polres Klaten.", bayu, polres)
    assert ("DEMAND", "appeal") in _types("Polres Klaten menghimbau Bayu Saputra menyerahkan diri.", bayu, polres)
    assert ("REJECT", "defy") in _types("Bayu Saputra mangkir dari panggilan Polres Klaten.", bayu, polres)
    assert ("COERCE", "dismissal") in _types("Polres Klaten memberhentikan Bayu Saputra.", bayu, polres)
    assert ("DISAPPROVE", "complain") in _types("Bayu Saputra mempolisikan Polres Klaten.", bayu, polres)
    assert _types("Polres Klaten berhenti sejenak di depan rumah Bayu Saputra.", bayu, polres) == set()
    assert _types("Bayu Saputra tertib mengikuti aturan Polres Klaten.", bayu, polres) == set()


def test_suspect_named_by_initials_and_age_is_a_target():
    body = "Polres Klaten menangkap ZF (29) di rumahnya."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.target.name == "ZF" and arrest.target.code == "IDNCRM"
    assert body[arrest.trigger.start:arrest.trigger.end] == "menangkap"


def test_toll_of_an_attack_is_not_a_second_event_and_abbreviation_is_not_an_actor():
    body = "Serangan Chile ke Peru menewaskan sedikitnya 24 orang."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert not [e for e in events if e.trigger.text == "menewaskan"]
    body = "Rudi Hartono menewaskan Joko Santoso di Klaten."
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                                   ("E2", "Joko Santoso", "PER", ["Joko Santoso"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("ASSAULT", "Rudi Hartono", "Joko Santoso")]
    body = "Dia diperiksa dalam kasus pencucian uang (TPPU) di Klaten."
    events = find_events(_analysis(body, ("E1", "TPPU", "ORG", ["TPPU"], "ID", None)))
    assert not [e for e in events if e.type == "CRIME"]


def test_quoted_verdict_is_the_courts_and_an_institution_opening_a_sentence_acts():
    body = ('Pengadilan Negeri Klaten membacakan putusan. "Menjatuhkan pidana terhadap terdakwa Bayu Saputra '
            'dengan pidana penjara selama 6 tahun," ujar hakim ketua.')
    events = find_events(_analysis(body, ("E1", "Pengadilan Negeri Klaten", "ORG", ["Pengadilan Negeri Klaten"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    verdict = next(e for e in events if e.mode == "sentence")
    assert verdict.actor.code == "IDNJUD" and verdict.target.name == "Bayu Saputra"
    body = "Detasemen Khusus 88 Antiteror Polri tengah menyelidiki Bayu Saputra."
    events = find_events(_analysis(body, ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.type, e.actor.code) for e in events] == [("INVESTIGATE", "IDNCOP")]


def test_undergoing_an_inquiry_and_the_addressee_of_a_demand_after_agar():
    body = "Polda Jambi menggelar jumpa pers. Bayu Saputra menjalani pemeriksaan di Mapolda."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    inquiry = next(e for e in events if e.type == "INVESTIGATE")
    assert inquiry.actor.name == "Polda Jambi" and inquiry.target.name == "Bayu Saputra"
    body = "Presiden Chile menyerukan agar Peru segera menarik pasukannya."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.actor.code == "CHLGOV" and demand.target.name == "Peru"


def test_agent_nouns_are_not_deeds():
    body = "Bayu Saputra meminta penyidik Polda Jambi datang ke rumahnya."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None)))
    assert not [e for e in events if e.type == "INVESTIGATE"]


def test_rejecting_a_named_demand_reports_the_demand_and_negaranya_is_the_state():
    body = "Presiden Chile Gabriel Boric mengatakan negaranya tidak akan menerima seruan Presiden Peru Dina Rojas."
    events = find_events(_analysis(body, ("E1", "Gabriel Boric", "PER", ["Gabriel Boric"], "CL", None),
                                   ("E2", "Dina Rojas", "PER", ["Dina Rojas"], "PE", None),
                                   ("E3", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E4", "Peru", "LOC", ["Peru"], "PE", "country")))
    kinds = {(e.type, e.actor.name, e.target.name if e.target else None, e.hypothetical) for e in events}
    assert ("DEMAND", "Dina Rojas", "Chile", False) in kinds
    assert any(t == "REJECT" and a == "Chile" for t, a, _, _ in kinds)


def test_crime_named_as_a_case_is_not_a_fact_and_glued_preposition_stops_the_actor():
    body = "Bayu Saputra terjerat kasus suap pengurusan perkara Koperasi Maju Jaya di Klaten."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Koperasi Maju Jaya", "ORG", ["Koperasi Maju Jaya"], "ID", None)))
    assert not [e for e in events if e.type == "CRIME"]
    body = "Bayu Saputra melakukan korupsi kreditfiktifdi Bank Maju Jaya."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Bank Maju Jaya", "ORG", ["Bank Maju Jaya"], "ID", None)))
    assert [e.actor.name for e in events if e.type == "CRIME"] == ["Bayu Saputra"]


def test_subject_before_appositives_and_adverbs():
    body = ("Pada 11 Juni 2025, Bayu Saputra, pemimpin Yayasan Satwa Lestari, resmi ditetapkan sebagai tersangka "
            "oleh Polres Klaten.")
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Yayasan Satwa Lestari", "ORG", ["Yayasan Satwa Lestari"], "ID", None),
                                   ("E3", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == \
        [("INVESTIGATE", "Polres Klaten", "Bayu Saputra")]


def test_nominal_seizure_from_someone_and_a_far_oleh_is_not_its_agent():
    body = "Penyitaan uang Rp11 triliun dari Grup Sawit Makmur dilakukan pekan lalu, kata Kejaksaan Agung."
    events = find_events(_analysis(body, ("E1", "Grup Sawit Makmur", "ORG", ["Grup Sawit Makmur"], "ID", None),
                                   ("E2", "Kejaksaan Agung", "ORG", ["Kejaksaan Agung"], "ID", None)))
    seizure = next(e for e in events if e.mode == "confiscate")
    assert seizure.target.name == "Grup Sawit Makmur" and seizure.actor.name == "Kejaksaan Agung"
    body = "Penyitaan itu disebut terbesar dan patut ditiru oleh Polda Jambi."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None)))
    assert not [e for e in events if e.actor.name == "Polda Jambi"]


def test_call_for_a_deed_targets_the_party_named_after_it_and_bare_seru_is_an_adjective():
    body = "Presiden Chile menyerukan penyerahan tanpa syarat dari Peru."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.target.name == "Peru"
    body = "Taman Ria Klaten menghadirkan wahana seru untuk Bayu Saputra."
    events = find_events(_analysis(body, ("E1", "Taman Ria Klaten", "ORG", ["Taman Ria Klaten"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert not [e for e in events if e.type == "DEMAND"]


def test_nominal_attack_on_a_foreign_city_targets_its_country():
    body = "Chile memulai serangannya di Lima pada Jumat dini hari."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Lima", "LOC", ["Lima"], "PE", "city")))
    attack = next(e for e in events if e.trigger.text == "serangannya")
    assert attack.type == "FIGHT" and attack.target.country == "PE"


def test_office_then_comma_then_holder_is_one_participant():
    body = "Menteri Luar Negeri Chile, Alberto van Klaveren, mengecam Peru."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Alberto van Klaveren", "PER", ["Alberto van Klaveren"], None, None),
                                   ("E3", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.name, e.actor.code, e.target.name) for e in events] == \
        [("DISAPPROVE", "Alberto van Klaveren", "CHLGOV", "Peru")]


def test_possessive_collectives_named_alliances_and_a_bare_presiden():
    body = "Kedutaan Besar Chile mendesak warganya untuk meninggalkan Peru."
    events = find_events(_analysis(body, ("E1", "Kedutaan Besar Chile", "ORG", ["Kedutaan Besar Chile"], "CL", None),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.target.name == "warganya" and demand.target.sector == "CVL"
    body = "Aliansi Nasional Reformasi Hukum mendorong Presiden membentuk tim independen."
    events = find_events(_analysis(body))
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.actor.sector == "CVL" and demand.target.sector == "GOV"


def test_charges_without_an_agent_are_the_prosecutions_and_defendant_is_not_a_trigger():
    body = "Kejaksaan Negeri Klaten menggelar sidang. Bayu Saputra didakwa menerima suap dari kontraktor."
    events = find_events(_analysis(body, ("E1", "Kejaksaan Negeri Klaten", "ORG", ["Kejaksaan Negeri Klaten"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == \
        [("DISAPPROVE", "Kejaksaan Negeri Klaten", "Bayu Saputra")]
    body = "Terdakwa Bayu Saputra dibanding saksi lain lebih banyak diam."
    events = find_events(_analysis(body, ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert events == []


def test_agent_described_then_named_by_initials():
    body = "RK (25) dibunuh oleh suaminya, JN (37), di rumah kontrakan."
    events = find_events(_analysis(body))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("ASSAULT", "JN", "RK")]


def test_speaker_reporting_its_own_completed_deed_is_its_actor():
    body = "Kementerian Kelautan dan Perikanan mengumumkan telah menangkap dua kapal berbendera Filipina."
    events = find_events(_analysis(body, ("E1", "Kementerian Kelautan dan Perikanan", "ORG",
                                          ["Kementerian Kelautan dan Perikanan"], "ID", None),
                                   ("E2", "Filipina", "LOC", ["Filipina"], "PH", "country")))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.actor.name == "Kementerian Kelautan dan Perikanan"
    body = "Bayu Saputra mengatakan menangkap ikan adalah hobinya."
    assert find_events(_analysis(body, ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None))) == []


def test_genitive_of_an_arrest_noun_is_the_one_arrested_unless_it_is_a_law_body():
    body = "Polda Jambi menggelar jumpa pers. Pemeriksaan Bayu Saputra dilakukan di Klaten."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == \
        [("INVESTIGATE", "Polda Jambi", "Bayu Saputra")]
    body = "Hakim menyatakan Bayu Saputra bersalah terkait vonis bebas Joko Santoso."
    events = find_events(_analysis(body, ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E3", "Joko Santoso", "PER", ["Joko Santoso"], None, None)))
    assert not [e for e in events if e.type == "COERCE"]


def test_nominal_arrest_heading_its_clause():
    body = "Polda Jambi menggelar jumpa pers. Penangkapan Bayu Saputra dilakukan di Klaten pada Senin."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.type, e.mode, e.actor.name, e.target.name) for e in events] == \
        [("COERCE", "arrest", "Polda Jambi", "Bayu Saputra")]


def test_pronoun_tagged_as_a_name_and_absence_after_an_appositive():
    body = ('Juru bicara Polda Jambi Budi Santoso berkata, "Pihaknya menangkap Bayu Saputra."')
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Pihaknya", "ORG", ["Pihaknya"], "ID", None),
                                   ("E3", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert all(e.actor.name != "Pihaknya" for e in events)
    body = "Staf khusus menteri, Bayu Saputra, kembali tak hadir dalam pemeriksaan penyidik Polda Jambi."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E3", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    defy = next(e for e in events if e.type == "REJECT")
    assert defy.actor.name == "Bayu Saputra" and defy.target.code == "IDNCOP"


def test_modal_needs_an_active_verb_and_court_reasoning_is_no_reaction():
    speaker = Speaker(name="Budi Santoso", entity_id="E1")
    body = '"Bahasa Chile harus tetap utama, dan Peru harus segera menarik pasukannya," kata Budi Santoso.'
    quote_end = body.index('," kata')
    analysis = _analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                         ("E2", "Chile", "LOC", ["Chile"], "CL", "country"),
                         ("E3", "Peru", "LOC", ["Peru"], "PE", "country"))
    analysis.quotes = [Quote(text=body[1:quote_end], start=1, end=quote_end, kind="direct", speaker=speaker)]
    demands = [e.target.name for e in find_events(analysis) if e.type == "DEMAND"]
    assert demands == ["Peru"]
    body = "Hal yang memberatkan, Bayu Saputra tidak mendukung program pemerintah."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert not [e for e in events if e.type == "SUPPORT"]


def test_subject_before_a_relative_clause_set_off_by_commas():
    body = "Bayu Saputra, yang merupakan mantan pejabat, menolak panggilan Polda Jambi."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    reject = next(e for e in events if e.type == "REJECT")
    assert reject.actor.name == "Bayu Saputra"


def test_office_with_itu_refers_back_to_its_holder():
    body = ("Presiden Chile Gabriel Boric tiba di Lima pada Senin. "
            "Presiden itu kemudian mengecam Peru atas insiden perbatasan.")
    events = find_events(_analysis(body, ("E1", "Gabriel Boric", "PER", ["Gabriel Boric"], "CL", None),
                                   ("E2", "Lima", "LOC", ["Lima"], "PE", "city"),
                                   ("E3", "Peru", "LOC", ["Peru"], "PE", "country")))
    criticism = next(e for e in events if e.type == "DISAPPROVE")
    assert criticism.actor.name == "Gabriel Boric" and criticism.target.name == "Peru"


def test_bare_korban_refers_back_to_the_victim_named_before():
    body = ("Warga Distrik Sugapa, Yohanes Kogoya, hilang sejak Senin. "
            "Korban dianiaya oleh prajurit TNI hingga tewas.")
    events = find_events(_analysis(body, ("E1", "Yohanes Kogoya", "PER", ["Yohanes Kogoya"], None, None),
                                   ("E2", "TNI", "ORG", ["TNI"], "ID", None)))
    beating = next(e for e in events if e.type == "ASSAULT")
    assert beating.target.name == "Yohanes Kogoya" and beating.actor.code == "IDNMIL"
    body = "Dua korban dianiaya oleh prajurit TNI."
    events = find_events(_analysis(body, ("E2", "TNI", "ORG", ["TNI"], "ID", None)))
    assert next(e for e in events if e.type == "ASSAULT").target.name == "korban"


def test_ministry_acronyms_are_government_and_aid_of_basic_needs():
    body = "Kemensos mendistribusikan kebutuhan dasar kepada para korban bencana."
    events = find_events(_analysis(body, ("E1", "Kemensos", "ORG", ["Kemensos"], "ID", None)))
    aid = next(e for e in events if e.type == "AID")
    assert aid.actor.code == "IDNGOV" and aid.target.sector == "CVL"


def test_an_arrest_with_no_one_arrested_is_no_event():
    body = "Bayu Saputra jatuh ke tebing, lalu sebatang pohon menahan tubuhnya."
    assert find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None))) == []


def test_an_office_named_without_a_country_is_a_home_office():
    body = ("Presiden Prabowo Subianto menelepon Presiden Amerika Serikat Donald Trump soal tarif Indonesia. "
            "Amerika Serikat dan Washington kembali disebut. Prabowo juga mengecam Israel.")
    events = find_events(_analysis(body, ("E1", "Prabowo Subianto", "PER", ["Prabowo Subianto", "Prabowo"], None, None),
                                   ("E2", "Donald Trump", "PER", ["Donald Trump"], None, None),
                                   ("E3", "Amerika Serikat", "LOC", ["Amerika Serikat"], "US", "country"),
                                   ("E4", "Israel", "LOC", ["Israel"], "IL", "country")))
    criticism = next(e for e in events if e.type == "DISAPPROVE")
    assert criticism.actor.country == "ID" and criticism.actor.code == "IDNGOV"


def test_idioms_and_bodies_with_an_acronym_inside():
    body = "Nenek Li mencuri perhatian publik di Hunan."
    assert find_events(_analysis(body, ("E1", "Li", "PER", ["Li"], "CN", None))) == []
    body = "Bayu Saputra ditangkap Direktorat Jenderal (Ditjen) Imigrasi di bandara."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    arrest = next(e for e in events if e.type == "COERCE")
    assert "Imigrasi" in arrest.actor.name and arrest.actor.sector == "GOV"


def test_role_noun_refers_to_the_person_the_article_so_titles_and_the_trial_court_sentences():
    body = ("Pengadilan Tipikor Jakarta menggelar sidang. Terdakwa Bayu Saputra hadir bersama Joko Santoso. "
            "Terdakwa Bayu Saputra menangis. Kemudian, Terdakwa meminta kepada Rudi Hartono agar membantu. "
            "Sebelumnya, Bayu Saputra divonis hukuman penjara.")
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Joko Santoso", "PER", ["Joko Santoso"], None, None),
                                   ("E3", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                                   ("E4", "Mahkamah Agung", "ORG", [], "ID", None)))
    demand = next(e for e in events if e.type == "DEMAND")
    assert demand.actor.name == "Bayu Saputra" and demand.target.name == "Rudi Hartono"
    verdict = next(e for e in events if e.mode == "sentence")
    assert verdict.actor.name == "Pengadilan Tipikor Jakarta"


def test_noun_of_action_after_a_setting_noun_is_no_deed():
    body = "Bayu Saputra tidak mendukung upaya pemerintah melakukan pemberantasan korupsi."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert not [e for e in events if e.type == "CRIME"]


def test_sentence_initial_pronoun_continues_the_last_subject():
    body = ("Bayu Saputra mengaku telah menyebarkan narasi negatif tentang Presiden Joko Santoso. "
            "Dia menyampaikan permintaan maaf atas tindakan itu.")
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Joko Santoso", "PER", ["Joko Santoso"], None, None)))
    apology = next(e for e in events if e.type == "CONCEDE")
    assert apology.actor.name == "Bayu Saputra"


def test_only_a_court_sentences_and_a_condition_makes_the_sentence_hypothetical():
    body = ("Majelis hakim menyatakan Bayu Saputra terbukti menerima suap sehingga menjatuhkan hukuman "
            "16 tahun penjara kepada Bayu Saputra.")
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert all(e.actor.sector == "JUD" for e in events if e.mode == "sentence")
    body = "Bahkan, jika aksi itu menelan korban, Bayu Saputra dapat dihukum penjara seumur hidup oleh Pengadilan Negeri Klaten."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Pengadilan Negeri Klaten", "ORG", ["Pengadilan Negeri Klaten"], "ID", None)))
    assert [e.hypothetical for e in events if e.mode == "sentence"] == [True]


def test_a_patient_after_agar_is_not_the_one_asked():
    body = "Presiden Chile menuntut agar Peru dibuka untuk bantuan pangan."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert not [e for e in events if e.type == "DEMAND" and e.target and e.target.name == "Peru"]


def test_a_warning_of_consequences_is_a_threat_advice_is_not():
    body = "Presiden Chile memperingatkan Peru bahwa mereka akan menghadapi kerusakan besar."
    ents = (("E1", "Chile", "LOC", ["Chile"], "CL", "country"), ("E2", "Peru", "LOC", ["Peru"], "PE", "country"))
    assert [(e.type, e.target.name) for e in find_events(_analysis(body, *ents))] == [("THREATEN", "Peru")]
    body = "Presiden Chile memperingatkan warga Peru agar berhati-hati."
    assert not [e for e in find_events(_analysis(body, *ents)) if e.type == "THREATEN"]


def test_suspects_named_together_by_initials_are_one_target():
    body = "Polres Klaten menangkap AR (34) dan MP (36) di sebuah rumah."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert [(e.type, e.target.name) for e in events] == [("COERCE", "AR dan MP")]


def test_a_bare_loan_noun_qualifying_another_noun_is_no_trigger():
    body = "Lembaga Penyiaran Chile menuding Kantor Berita Peru membagikan metadata komunikasi kepada Bolivia."
    events = find_events(_analysis(body, ("E1", "Bolivia", "LOC", ["Bolivia"], "BO", "country")))
    assert not [e for e in events if e.type == "CONSULT"]
    body = "Polres Klaten akan koordinasi dengan Polda Jambi."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("CONSULT", "Polres Klaten", "Polda Jambi")]


def test_people_said_to_be_someone_are_that_someone():
    body = "Polda Jambi menahan lima orang yang diduga merupakan anggota Jaringan Teror Sumatra."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Jaringan Teror Sumatra", "ORG", ["Jaringan Teror Sumatra"], "ID", None)))
    assert [(e.type, e.target.name) for e in events] == [("COERCE", "Jaringan Teror Sumatra")]


def test_pronoun_before_a_bare_verb_is_its_doer():
    speaker = Speaker(name="Budi Santoso", entity_id="E1")
    body = '"Tersangka Bayu Saputra sudah kami amankan," kata Kapolres Klaten Budi Santoso.'
    quote_end = body.index('," kata')
    analysis = _analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                         ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                         ("E3", "Polres Klaten", "ORG", [], "ID", None))
    analysis.entities[0].role = "Kapolres Klaten"
    analysis.quotes = [Quote(text=body[1:quote_end], start=1, end=quote_end, kind="direct", speaker=speaker)]
    arrest = next(e for e in find_events(analysis) if e.type == "COERCE")
    assert arrest.actor.sector == "COP" and arrest.target.name == "Bayu Saputra"


def test_member_of_a_body_then_comma_then_name_and_arrest_of_an_official():
    body = "KPK telah memeriksa anggota DPR RI, Satori, terkait perkara dana sosial."
    events = find_events(_analysis(body, ("E1", "KPK", "ORG", ["KPK"], "ID", None),
                                   ("E2", "DPR RI", "ORG", ["DPR RI"], "ID", None),
                                   ("E3", "Satori", "PER", ["Satori"], None, None)))
    questioning = next(e for e in events if e.type == "INVESTIGATE")
    assert questioning.target.name == "Satori" and questioning.target.code == "IDNLEG"
    body = "KPK menggelar jumpa pers. Penangkapan hakim Pengadilan Negeri Klaten dilakukan Senin."
    events = find_events(_analysis(body, ("E1", "KPK", "ORG", ["KPK"], "ID", None),
                                   ("E2", "Pengadilan Negeri Klaten", "ORG", ["Pengadilan Negeri Klaten"], "ID", None)))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.actor.name == "KPK" and arrest.target.name == "Pengadilan Negeri Klaten"


def test_an_agentless_judgement_is_the_speakers():
    body = "Albert Aries menilai, saat ini Kejaksaan Agung patut diapresiasi lantaran tegas."
    events = find_events(_analysis(body, ("E1", "Albert Aries", "PER", ["Albert Aries"], None, None),
                                   ("E2", "Kejaksaan Agung", "ORG", ["Kejaksaan Agung"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("SUPPORT", "Albert Aries", "Kejaksaan Agung")]


def test_reciprocal_deeds_go_both_ways():
    body = "Chile dan Peru terus saling serang sejak Jumat."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert sorted((e.type, e.actor.name, e.target.name) for e in events) == \
        [("FIGHT", "Chile", "Peru"), ("FIGHT", "Peru", "Chile")]


def test_a_collective_describing_a_site_is_no_target():
    body = "Serangan udara Chile terhadap fasilitas militer dan nuklir Peru terjadi Jumat."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("FIGHT", "Chile", "Peru")]


def test_people_said_to_be_agents_of_a_state_keep_their_role():
    body = "Chile menahan lima orang yang diduga merupakan agen dinas intelijen Peru di Santiago."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country"),
                                   ("E3", "Santiago", "LOC", ["Santiago"], "CL", "city")))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.target.name == "agen dinas intelijen Peru" and arrest.target.code == "PERSPY"


def test_verdict_boilerplate_and_examining_a_case_are_no_events():
    body = "Lalu, perbuatan Bayu Saputra tidak mendukung program pemerintah dalam pemberantasan korupsi."
    assert find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None))) == []
    body = "Hakim Joko Santoso yang memeriksa perkara Bayu Saputra menolak eksepsi."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Joko Santoso", "PER", ["Joko Santoso"], None, None)))
    assert not [e for e in events if e.type == "INVESTIGATE"]


def test_passive_agent_after_oleh_and_role_words():
    body = "Bayu Saputra dilaporkan ke Bareskrim oleh kader Partai Maju Jaya."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None),
                                   ("E2", "Bareskrim", "ORG", ["Bareskrim"], "ID", None),
                                   ("E3", "Partai Maju Jaya", "ORG", ["Partai Maju Jaya"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == \
        [("DISAPPROVE", "Partai Maju Jaya", "Bayu Saputra")]


def test_act_right_after_the_one_asked_is_asked_for():
    body = "DPR mendesak pemerintah segera mengevakuasi warga dari Peru."
    events = find_events(_analysis(body, ("E1", "DPR", "ORG", ["DPR"], "ID", None),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    evacuation = next(e for e in events if e.type == "AID")
    assert evacuation.actor.name == "pemerintah" and evacuation.hypothetical


def test_rejecting_a_demand_targets_its_author_and_agar_ends_a_genitive():
    body = "Gabriel Boric menolak tuntutan Dina Rojas agar Chile menyerah."
    events = find_events(_analysis(body, ("E1", "Gabriel Boric", "PER", ["Gabriel Boric"], "CL", None),
                                   ("E2", "Dina Rojas", "PER", ["Dina Rojas"], "PE", None),
                                   ("E3", "Chile", "LOC", ["Chile"], "CL", "country")))
    kinds = {(e.type, e.actor.name, e.target.name if e.target else None) for e in events}
    assert ("REJECT", "Gabriel Boric", "Dina Rojas") in kinds and ("DEMAND", "Dina Rojas", "Gabriel Boric") in kinds
    body = "Gabriel Boric menolak tuntutan agar Chile menyerah."
    events = find_events(_analysis(body, ("E1", "Gabriel Boric", "PER", ["Gabriel Boric"], "CL", None),
                                   ("E3", "Chile", "LOC", ["Chile"], "CL", "country")))
    assert not [e for e in events if e.type == "DEMAND"]


def test_initials_with_an_age_are_a_person_not_a_country():
    body = "Polres Klaten menetapkan AS (45) sebagai tersangka penipuan."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None),
                                   ("E2", "Amerika Serikat", "LOC", ["AS"], "US", "country")))
    naming = next(e for e in events if e.type == "INVESTIGATE")
    assert naming.target.name == "AS" and naming.target.code == "IDNCRM" and naming.actor.code == "IDNCOP"


def test_an_ordered_seizure_is_the_orderers():
    body = "Majelis hakim juga memerintahkan perampasan aset Bayu Saputra untuk negara."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.mode, e.actor.sector, e.target.name) for e in events] == [("confiscate", "JUD", "Bayu Saputra")]


def test_a_home_institution_in_a_story_about_abroad_stays_indonesian():
    body = "Kementerian Agama berkoordinasi dengan otoritas Arab Saudi di Jeddah dan Madinah, Arab Saudi."
    events = find_events(_analysis(body, ("E1", "Kementerian Agama", "ORG", ["Kementerian Agama"], None, None),
                                   ("E2", "Arab Saudi", "LOC", ["Arab Saudi"], "SA", "country"),
                                   ("E3", "Jeddah", "LOC", ["Jeddah"], "SA", "city")))
    consult = next(e for e in events if e.type == "CONSULT")
    assert consult.actor.code == "IDNGOV" and consult.target.code == "SAUGOV"


def test_bills_named_after_a_party_seizure_from_a_house_and_drug_selling():
    body = "Mahasiswa Klaten menggelar demonstrasi menuntut pembatalan RUU TNI."
    events = find_events(_analysis(body, ("E1", "TNI", "ORG", ["TNI"], "ID", None)))
    assert not [e for e in events if e.target is not None and e.target.name == "TNI"]
    body = "Jaksa menyita uang Rp 920 miliar dari rumah Bayu Saputra."
    events = find_events(_analysis(body, ("E1", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.mode, e.target.name) for e in events] == [("confiscate", "Bayu Saputra")]
    body = "Tersangka AR (30) mengaku telah menjual sabu sejak 2023."
    assert [(e.type, e.actor.name) for e in find_events(_analysis(body))] == [("CRIME", "AR")]


def test_coordinated_parties_agree_or_meet_with_each_other():
    body = "Chile dan Peru sepakat memperkuat kerja sama pertahanan."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert sorted((e.type, e.actor.name, e.target.name) for e in events if e.type == "AGREE") == \
        [("AGREE", "Chile", "Peru"), ("AGREE", "Peru", "Chile")]


def test_apology_stones_and_the_content_of_an_accusation():
    body = "Bupati Klaten Joko Santoso meminta maaf kepada warga atas kenaikan pajak."
    events = find_events(_analysis(body, ("E1", "Joko Santoso", "PER", ["Joko Santoso"], None, None)))
    assert [(e.type, e.mode) for e in events] == [("CONCEDE", "apologize")]
    body = "Massa melempari polisi dengan batu."
    assert [(e.type, e.target.sector) for e in find_events(_analysis(body))] == [("ASSAULT", "COP")]
    body = "Chile menahan tiga orang yang dituduh menjadi mata-mata Peru."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert not [e for e in events if e.type == "DISAPPROVE" and e.actor.country == "PE"]


def test_a_quote_right_after_a_speech_verb_is_the_speakers_and_regret_has_no_object_target():
    body = 'Tentara Chile menyebutkan "menyesalkan jatuhnya korban pada orang-orang yang tidak bersalah."'
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country")))
    assert [(e.type, e.actor.code, e.target) for e in events] == [("CONCEDE", "CHLMIL", None)]


def test_a_case_investigated_at_an_institution_targets_it():
    body = "Kejaksaan Agung mengusut kasus dugaan korupsi pengadaan laptop di Kementerian Pendidikan tahun 2020."
    events = find_events(_analysis(body, ("E1", "Kejaksaan Agung", "ORG", ["Kejaksaan Agung"], "ID", None),
                                   ("E2", "Kementerian Pendidikan", "ORG", ["Kementerian Pendidikan"], "ID", None)))
    inquiry = next(e for e in events if e.type == "INVESTIGATE")
    assert inquiry.target.name == "Kementerian Pendidikan"


def test_noun_after_a_passive_light_verb():
    body = "Polda Jambi menggelar jumpa pers. Setelah diperiksa, dilakukan penahanan terhadap Bayu Saputra."
    events = find_events(_analysis(body, ("E1", "Polda Jambi", "ORG", ["Polda Jambi"], "ID", None),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    arrest = next(e for e in events if e.type == "COERCE")
    assert arrest.actor.name == "Polda Jambi" and arrest.target.name == "Bayu Saputra"


def test_initials_named_with_an_age_once_are_a_person_later_and_after_a_kin_noun():
    body = "Suami berinisial JN (37) tega membunuh istrinya, RK (25), di Ciputat. Tetangga tahu JN memukul RK sebelumnya."
    events = find_events(_analysis(body))
    kinds = {(e.type, e.actor.name, e.target.name if e.target else None) for e in events}
    assert ("ASSAULT", "JN", "RK") in kinds and all(t is not None for _, _, t in kinds)


def test_an_office_without_a_country_in_a_foreign_story_stays_foreign():
    body = ("Presiden Kazakhstan Kassym Tokayev berpidato di Almaty. Presiden Kassym Tokayev kemudian "
            "mengecam Komite Keamanan Nasional. Tokayev juga mengecam Rusia.")
    events = find_events(_analysis(body, ("E1", "Kassym Tokayev", "PER", ["Kassym Tokayev", "Tokayev"], None, None),
                                   ("E2", "Kazakhstan", "LOC", ["Kazakhstan"], "KZ", "country"),
                                   ("E3", "Almaty", "LOC", ["Almaty"], "KZ", "city"),
                                   ("E4", "Rusia", "LOC", ["Rusia"], "RU", "country")))
    assert {e.actor.country for e in events if e.type == "DISAPPROVE"} == {"KZ"}


def test_bare_bicara_dengan_is_a_talk_and_juru_bicara_is_not():
    body = "Polres Klaten sudah bicara dengan Forkopimda Klaten soal tambang."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None),
                                   ("E2", "Forkopimda Klaten", "ORG", ["Forkopimda Klaten"], "ID", None)))
    assert [(e.type, e.target.name) for e in events] == [("CONSULT", "Forkopimda Klaten")]
    body = "Juru bicara Polres Klaten dengan Forkopimda Klaten hadir."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None),
                                   ("E2", "Forkopimda Klaten", "ORG", ["Forkopimda Klaten"], "ID", None)))
    assert not [e for e in events if e.type == "CONSULT"]


def test_an_inquiry_under_way_needs_no_one_investigated_but_a_planned_or_agentless_one_does():
    chile = ("E1", "Chile", "LOC", ["Chile"], "CL", "country")
    body = "Militer Chile sedang menyelidiki insiden tersebut."
    assert [(e.type, e.actor.code, e.target) for e in find_events(_analysis(body, chile))] == \
        [("INVESTIGATE", "CHLMIL", None)]
    body = "Polisi Chile telah melakukan penggeledahan di sejumlah lokasi."
    assert [(e.type, e.mode, e.target) for e in find_events(_analysis(body, chile))] == \
        [("INVESTIGATE", "search", None)]
    for body in ("Militer Chile akan menyelidiki insiden tersebut.",     # only planned
                 "Insiden tersebut sedang diselidiki di Chile.",         # by no one named
                 "Media Chile sedang menyelidiki insiden tersebut."):    # not a law-enforcement body
        assert find_events(_analysis(body, chile)) == [], body
    body = "Militer Chile sedang menyelidiki Bayu Saputra."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Bayu Saputra", "PER", ["Bayu Saputra"], None, None)))
    assert [(e.type, e.target.name) for e in events] == [("INVESTIGATE", "Bayu Saputra")]


def test_an_acronym_takes_the_sector_of_the_name_it_abbreviates():
    body = ("Chile National Broadcasting (CNB) berdiri tahun 1969. "
            "CNB menuding Netflix menyebarkan hoaks.")
    events = find_events(_analysis(body, ("E1", "Chile National Broadcasting", "ORG",
                                          ["Chile National Broadcasting", "CNB"], "CL", None),
                                   ("E2", "Netflix", "ORG", ["Netflix"], None, None)))
    assert {e.actor.sector for e in events if e.type == "DISAPPROVE"} == {"MED"}


def test_initials_given_with_an_alias_and_age_are_a_person_named_together_later():
    body = ("Polsek Cilandak menangkap dua tersangka, BW alias Bento (23) dan RNZ (25). "
            "Dari BW dan RNZ, polisi menyita dua gram sabu.")
    events = find_events(_analysis(body, ("E1", "Polsek Cilandak", "ORG", ["Polsek Cilandak"], "ID", None),
                                   ("E2", "BW", "ORG", ["BW"], "ID", None)))
    assert {(e.type, e.target.name, e.target.sector) for e in events} == {("COERCE", "BW dan RNZ", "CRM")}


def test_a_loan_noun_right_after_a_verb_is_its_object_and_its_doer_follows_oleh():
    body = "PBB mengkritik distribusi bantuan oleh GHF."
    events = find_events(_analysis(body, ("E1", "United Nations", "ORG", ["PBB"], None, None),
                                   ("E2", "Gaza Humanitarian Foundation", "ORG", ["GHF"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("DISAPPROVE", "PBB", "GHF")]


def test_mereka_opening_a_sentence_continues_the_body_the_last_one_opened_with():
    body = ("UNICEF menolak cara pembagian bantuan yang dilakukan GHF. "
            "Mereka mengkritik distribusi bantuan oleh GHF sebagai tidak netral.")
    events = find_events(_analysis(body, ("E1", "UNICEF", "ORG", ["UNICEF"], None, None),
                                   ("E2", "Gaza Humanitarian Foundation", "ORG", ["GHF"], None, None)))
    assert ("DISAPPROVE", "UNICEF", "GHF") in [(e.type, e.actor.name, e.target.name) for e in events]


def test_agentless_arrest_in_a_story_about_the_police_is_theirs_and_keeps_suspects_together():
    body = ("Polisi mengungkap peran tiga pelaku, yakni DF (27), MC (22), dan PT (27). "
            "Tersangka MC dan PT kabur ke Dili. Keduanya akhirnya diamankan di Dili.")
    events = find_events(_analysis(body, ("E1", "Dili", "LOC", ["Dili"], "TL", "city"),
                                   ("E2", "Polisi", "PER", ["Polisi"], None, None)))
    coerce = [e for e in events if e.type == "COERCE"]
    assert [(e.actor.name, e.actor.sector) for e in coerce] == [("polisi", "COP")]
    assert "MC" in coerce[0].target.name and "PT" in coerce[0].target.name


def test_a_verb_glued_after_a_tagged_name_is_a_trigger_but_not_after_an_untagged_one():
    body = "Presiden Chile Gabriel BoricmengecamPeru atas insiden itu."
    chile, peru = ("E2", "Chile", "LOC", ["Chile"], "CL", "country"), ("E3", "Peru", "LOC", ["Peru"], "PE", "country")
    events = find_events(_analysis(body, ("E1", "Gabriel Boric", "PER", ["Gabriel Boric"], None, None), chile, peru))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("DISAPPROVE", "Gabriel Boric", "Peru")]
    assert find_events(_analysis(body, chile, peru)) == []
    body = "Mantan pejabat Mahkamah Agung,Rudi Hartonodivonis 16 tahun penjara oleh Pengadilan Negeri Lima."
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert [(e.type, e.mode, e.target.name) for e in events] == [("COERCE", "sentence", "Rudi Hartono")]


def test_forkopimda_alone_is_a_body_one_can_talk_with():
    body = "Polres Klaten sudah bicara dengan Forkopimda soal tambang."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert [(e.type, e.target.name, e.target.sector) for e in events] == [("CONSULT", "Forkopimda", "GOV")]


def test_armed_forces_driving_out_another_states_forces_is_fighting():
    body = "Tentara Chile mengusir pasukan Peru dari perbatasan."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.code, e.target.code) for e in events] == [("FIGHT", "CHLMIL", "PERMIL")]
    body = "Polisi mengusir pedagang dari trotoar."
    assert [e.type for e in find_events(_analysis(body))] in ([], ["COERCE"])


def test_praise_said_to_no_one_is_for_the_party_the_same_actor_met():
    body = "Bupati Sri Lestari yang turun menemui pengunjuk rasa menyampaikan apresiasi karena aksi tertib."
    events = find_events(_analysis(body, ("E1", "Sri Lestari", "PER", ["Sri Lestari"], None, None)))
    support = [e for e in events if e.type == "SUPPORT"]
    assert [(e.actor.name, e.target.name) for e in support] == [("Sri Lestari", "pengunjuk rasa")]
    body = "Bupati Sri Lestari menyampaikan apresiasi karena aksi tertib."
    assert not [e for e in find_events(_analysis(body, ("E1", "Sri Lestari", "PER", ["Sri Lestari"], None, None)))
                if e.type == "SUPPORT"]


def test_troops_sent_somewhere_to_help_are_military_aid_to_that_state():
    body = "Chile akan mengirim pasukan zeni ke wilayah Tacna di Peru selatan untuk membantu pemulihan."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Tacna", "LOC", ["Tacna"], "PE", "city")))
    aid = [e for e in events if e.type == "AID"]
    assert [(e.actor.name, e.target.country, e.hypothetical) for e in aid] == [("Chile", "PE", True)]
    assert not [e for e in events if e.type == "MOBILIZE"]
    body = "Chile akan mengirim pasukan zeni ke wilayah Tacna di Peru selatan."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Tacna", "LOC", ["Tacna"], "PE", "city")))
    assert [e.type for e in events] == ["MOBILIZE"]


def test_ignoring_a_ban_spoken_of_again_rejects_the_authorities_of_the_story():
    body = ("Polres Klaten memasang larangan menambang di bukit itu. "
            "Namun, warga tidak menghiraukan larangan tersebut.")
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    reject = [e for e in events if e.type == "REJECT"]
    assert [(e.actor.name, e.target.name) for e in reject] == [("warga", "Polres Klaten")]


def test_calling_someone_a_rebel_or_a_culprit_is_an_accusation_by_the_speaker():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Yosep Kogoya", "PER", ["Yosep Kogoya"], None, None))
    body = "Kapuspen TNI Budi Santoso menegaskan Yosep Kogoya alias Ambo Tabuni merupakan anggota OPM."
    events = find_events(_analysis(body, *people, ("E3", "Ambo Tabuni", "PER", ["Ambo Tabuni"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("DISAPPROVE", "Budi Santoso", "Yosep Kogoya")]
    body = "Kapuspen TNI Budi Santoso menegaskan Yosep Kogoya berperan sebagai pengatur aliran dana."
    assert [e.target.name for e in find_events(_analysis(body, *people))] == ["Yosep Kogoya"]
    body = "Kapuspen TNI Budi Santoso menegaskan Yosep Kogoya merupakan anggota DPR."
    assert find_events(_analysis(body, *people)) == []


def test_a_relative_clause_with_a_modal_before_its_passive_verb_undergoes_it_not_the_subject():
    body = "Budi Santoso menghadirkan tiga saksi yang harus diperiksa oleh Polres Klaten."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert not [e for e in events if e.type == "INVESTIGATE" and e.target and e.target.name == "Budi Santoso"]


def test_the_prosecutors_demand_named_as_a_noun_targets_the_defendant_the_sentence_opens_with():
    body = "Budi Santoso tidak dijatuhi hukuman 20 tahun penjara sebagaimana tuntutan jaksa."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None)))
    prosecute = [e for e in events if e.type == "DISAPPROVE"]
    assert [(e.actor.name, e.target.name) for e in prosecute] == [("jaksa", "Budi Santoso")]


def test_a_person_named_only_as_whose_kin_the_arrested_is_is_not_the_arrested():
    singer = ("E1", "Rina Wati", "PER", ["Rina Wati"], None, None)
    body = "Ayah penyanyi cilik Rina Wati ditangkap Polres Klaten karena judi online."
    police = ("E2", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)
    assert find_events(_analysis(body, singer, police)) == []
    body = "Polres Klaten menangkap Ibu Rina Wati karena judi online."
    assert [e.target.name for e in find_events(_analysis(body, singer, police))] == ["Rina Wati"]


def test_a_noun_of_praise_after_a_light_verb_is_done_by_that_verbs_subject_past_an_appositive():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Kementerian Desa", "ORG", ["Kementerian Desa"], "ID", None))
    for body in ("Wakil Menteri Dalam Negeri, Budi Santoso, juga menyampaikan apresiasi kepada Kementerian Desa.",
                 "Wakil Menteri Dalam Negeri, Budi Santoso, turut menyampaikan apresiasi kepada Kementerian Desa.",
                 "Budi Santoso mengucapkan apresiasi setinggi-tingginya kepada Kementerian Desa."):
        support = [e for e in find_events(_analysis(body, *people)) if e.type == "SUPPORT"]
        assert [(e.actor.name, e.target.name) for e in support] == [("Budi Santoso", "Kementerian Desa")], body


def test_they_right_after_a_bodys_speech_verb_is_that_body():
    body = ("Badan Antariksa Chile mengecam uji coba itu. "
            "Komando Selatan Peru mengatakan bahwa mereka telah meluncurkan rudal ke Chile.")
    events = find_events(_analysis(body, ("E1", "Badan Antariksa Chile", "ORG", ["Badan Antariksa Chile"], "CL", None),
                                   ("E2", "Komando Selatan Peru", "ORG", ["Komando Selatan Peru"], "PE", None),
                                   ("E3", "Chile", "LOC", ["Chile"], "CL", "country")))
    fight = [e for e in events if e.type == "FIGHT"]
    assert [(e.actor.name, e.target.country) for e in fight] == [("Komando Selatan Peru", "CL")]


def test_saying_someone_can_be_punished_or_struck_threatens_them():
    body = "Manajer PT Kereta Api Indonesia As'ad Hidayat menegaskan bahwa pelaku perusakan dapat dikenai sanksi pidana berat."
    events = find_events(_analysis(body, ("E1", "As'ad Hidayat", "PER", ["As'ad Hidayat"], None, None),
                                   ("E2", "PT Kereta Api Indonesia", "ORG", ["PT Kereta Api Indonesia"], "ID", None)))
    threat = [e for e in events if e.type == "THREATEN"]
    assert [(e.actor.name, e.target.name, e.hypothetical) for e in threat] == [("As'ad Hidayat", "pelaku", False)]
    assert threat[0].actor.country != "US"  # "As'ad" is a name, not "AS"
    body = "Menteri Pertahanan Chile Rosa Vidal mengatakan Chile dapat dengan mudah menyerang Peru."
    events = find_events(_analysis(body, ("E1", "Rosa Vidal", "PER", ["Rosa Vidal"], None, None),
                                   ("E2", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E3", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.name, e.target.country) for e in events] == [("THREATEN", "Rosa Vidal", "PE")]
    # "bisa jadi" is "maybe": no threat
    body = "Menteri Pertahanan Chile Rosa Vidal mengatakan Peru bisa jadi menyerang Chile."
    events = find_events(_analysis(body, ("E1", "Rosa Vidal", "PER", ["Rosa Vidal"], None, None),
                                   ("E2", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E3", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert not [e for e in events if e.type == "THREATEN"]


def test_a_country_acting_is_named_by_the_fullest_form_the_article_uses():
    body = "Amerika Serikat mengecam uji coba itu. AS mengerahkan jet tempur ke Timur Tengah."
    events = find_events(_analysis(body, ("E1", "United States", "LOC", ["Amerika Serikat", "AS"], "US", "country")))
    mobilize = [e for e in events if e.type == "MOBILIZE"]
    assert [(e.actor.name, e.actor.country) for e in mobilize] == [("Amerika Serikat", "US")]


def test_force_a_party_says_it_will_use_is_a_threat_and_a_boast_names_its_speaker():
    states = (("E1", "Chile", "LOC", ["Chile"], "CL", "country"), ("E2", "Peru", "LOC", ["Peru"], "PE", "country"))
    body = "Chile mengatakan mereka akan menyerang Peru."
    events = find_events(_analysis(body, *states))
    assert [(e.type, e.actor.name, e.target.name, e.hypothetical) for e in events] == \
        [("THREATEN", "Chile", "Peru", False)]
    body = "Pasukan Chile akan menyerang Peru pekan depan."  # a plan others report: hypothetical force
    events = find_events(_analysis(body, *states))
    assert [(e.type, e.hypothetical) for e in events] == [("FIGHT", True)]
    body = "Presiden Rosa Vidal menuntut Peru mundur sambil membanggakan bahwa Chile dapat dengan mudah menyerang Peru."
    events = find_events(_analysis(body, ("E3", "Rosa Vidal", "PER", ["Rosa Vidal"], "CL", None), *states))
    assert [(e.actor.name, e.target.name) for e in events if e.type == "THREATEN"] == [("Rosa Vidal", "Peru")]


def test_a_verb_right_after_a_speech_verb_is_the_speakers_own_act_and_agreeing_with_a_view_supports_it():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Kementerian Desa", "ORG", ["Kementerian Desa"], "ID", None),
              ("E3", "Rina Wati", "PER", ["Rina Wati"], None, None))
    body = "Budi Santoso mengatakan meminta tambahan personel Kementerian Desa untuk mengawal program itu."
    demand = [e for e in find_events(_analysis(body, *people)) if e.type == "DEMAND"]
    assert [(e.actor.name, e.target.name) for e in demand] == [("Budi Santoso", "Kementerian Desa")]
    body = "Budi Santoso mengaku setuju dengan pendapat Rina Wati soal program itu."
    events = find_events(_analysis(body, *people))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("SUPPORT", "Budi Santoso", "Rina Wati")]


def test_a_pronoun_the_entities_stage_linked_to_a_person_is_that_person():
    body = "Menteri Budi Santoso tiba di Lima. Juru bicara Rina Wati ikut hadir. Ia menyebut Chile sebagai agresor."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso", "Ia"], None, None),
                                   ("E2", "Rina Wati", "PER", ["Rina Wati"], None, None),
                                   ("E3", "Chile", "LOC", ["Chile"], "CL", "country")))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("DISAPPROVE", "Budi Santoso", "Chile")]


def test_a_promise_to_no_one_in_particular_is_still_an_agreement():
    body = "Ketua yayasan Budi Santoso berjanji akan menggelar kirab besar ketika masalah internal selesai."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None)))
    assert [(e.type, e.actor.name, e.target) for e in events] == [("AGREE", "Budi Santoso", None)]


def test_civilians_named_without_a_country_are_the_acting_states_own_people():
    body = "Situasi di Peru memanas dan Peru menutup perbatasan. Pemerintah Chile menyerukan kepada warga untuk tetap di rumah."
    events = find_events(_analysis(body, ("E1", "Peru", "LOC", ["Peru"], "PE", "country"),
                                   ("E2", "Chile", "LOC", ["Chile"], "CL", "country")))
    demand = [e for e in events if e.type == "DEMAND"]
    assert [(e.target.name, e.target.code) for e in demand] == [("warga", "CHLCVL")]


def test_a_war_between_two_states_is_fought_by_each_against_the_other():
    states = (("E1", "Chile", "LOC", ["Chile"], "CL", "country"), ("E2", "Peru", "LOC", ["Peru"], "PE", "country"))
    for body in ("Harga tembaga naik di tengah perang antara Chile dan Peru.",
                 "Harga tembaga naik di tengah perang Chile-Peru.",
                 "Dunia khawatir seiring berlanjutnya konfrontasi militer antara Chile dan Peru."):
        events = find_events(_analysis(body, *states))
        assert sorted((e.type, e.actor.name, e.target.name) for e in events) == \
            [("FIGHT", "Chile", "Peru"), ("FIGHT", "Peru", "Chile")], body
    body = "Harga tembaga naik di tengah perang dagang antara Chile dan Peru."  # a trade war is no fighting
    assert not find_events(_analysis(body, *states))


def test_a_war_between_states_the_ner_left_untagged_or_with_an_adjective_between():
    for body in ("Kemlu terus memantau situasi perang Chile-Peru.",          # one word, no entity
                 "Kini muncul kabar perang besar-besaran antara Chile dan Peru."):
        events = find_events(_analysis(body, ("E1", "Peru", "LOC", ["Peru"], "PE", "country")))
        assert sorted((e.type, e.actor.name, e.target.name) for e in events) == \
            [("FIGHT", "Chile", "Peru"), ("FIGHT", "Peru", "Chile")], body
    body = "Menlu Peru menyerukan gencatan senjata atas perang Chile-Peru."    # the pair is no one's target
    assert [(e.type, e.target) for e in find_events(_analysis(body)) if e.type != "FIGHT"] == [("DEMAND", None)]


def test_hospitals_and_health_workers_are_actors_of_the_health_sector():
    body = "Kepala Dinas Kesehatan Budi Santoso meminta rumah sakit menyiapkan ruang isolasi."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None)))
    assert [(e.type, e.actor.name, e.target.name, e.target.sector) for e in events] == \
        [("DEMAND", "Budi Santoso", "rumah sakit", "HLH")]


def test_the_prosecutors_demand_with_no_one_named_targets_the_one_last_sentenced():
    body = ("Rudi Hartono divonis 11 tahun penjara oleh Pengadilan Negeri Lima. "
            "Hukuman itu lebih rendah dari tuntutan jaksa penuntut umum, yakni 14 tahun penjara.")
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    prosecute = [e for e in events if e.type == "DISAPPROVE"]
    assert [(e.actor.name, e.target.name) for e in prosecute] == [("jaksa", "Rudi Hartono")]


def test_a_strike_aimed_at_sites_in_a_country_is_fought_against_that_country():
    body = "Pemerintah Peru menyebut serangan udara Chile sebelumnya yang menyasar fasilitas minyak di wilayah Peru."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    fight = [e for e in events if e.type == "FIGHT"]
    assert [(e.actor.name, e.target.name) for e in fight] == [("Chile", "Peru")]


def test_a_glued_group_is_named_with_its_space_put_back():
    body = "Serangan militerChile menghantam Peru."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.actor.name, e.actor.code) for e in events] == [("militer Chile", "CHLMIL")]


def test_what_a_law_provides_is_no_event_but_what_the_police_managed_is():
    body = "Jika aksi itu menimbulkan korban jiwa, pelaku dapat dihukum penjara seumur hidup."
    assert find_events(_analysis(body)) == []
    body = "Rudi Hartono sempat kabur ke Lima, namun akhirnya dapat diamankan oleh Polres Klaten."
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                                   ("E2", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name, e.hypothetical) for e in events] == \
        [("COERCE", "Polres Klaten", "Rudi Hartono", False)]


def test_thanks_to_everyone_who_helped_is_not_thanks_to_what_they_helped_with():
    body = "Bupati Budi Santoso berterima kasih kepada seluruh pihak yang telah membantu terbitnya Sertifikat Kementerian Desa."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Kementerian Desa", "ORG", ["Kementerian Desa"], "ID", None)))
    assert not [e for e in events if e.type == "SUPPORT"]


def test_a_deed_that_prompts_a_response_is_no_demand():
    body = "Perang dimulai ketika Chile meluncurkan pemboman besar-besaran yang mendorong Peru untuk membalas."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert not [e for e in events if e.type == "DEMAND"]
    body = "Menteri Budi Santoso mendorong Peru untuk membalas."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.target.name) for e in events if e.type == "DEMAND"] == [("DEMAND", "Peru")]


def test_saya_in_a_quote_is_its_speaker_even_one_the_ner_did_not_tag():
    body = '"Saya berterima kasih kepada Presiden Rina Wati atas sertifikat ini," ungkap warga desa Ajat Sudrajat.'
    analysis = _analysis(body, ("E1", "Rina Wati", "PER", ["Rina Wati"], None, None))
    start, end = 1, body.index('," ungkap')
    analysis.quotes = [Quote(body[start:end], start, end, "direct", "ungkap", Speaker("Ajat Sudrajat"))]
    events = find_events(analysis)
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("SUPPORT", "Ajat Sudrajat", "Rina Wati")]


def test_war_with_an_armed_group_strikes_launched_into_a_country_and_a_ministers_word_for_the_forces():
    israel, iran = ("E1", "Israel", "LOC", ["Israel"], "IL", "country"), ("E2", "Iran", "LOC", ["Iran"], "IR", "country")
    body = "Sebelas orang tewas di tengah perang yang berkecamuk antara Israel dan kelompok Hamas."
    events = find_events(_analysis(body, israel, ("E3", "Hamas", "ORG", ["Hamas"], None, None)))
    assert sorted((e.actor.name, e.target.name) for e in events if e.type == "FIGHT") == \
        [("Hamas", "Israel"), ("Israel", "Hamas")]
    body = "Ketegangan meningkat ketika Israel meluncurkan serangan udara ke berbagai lokasi di Iran."
    events = find_events(_analysis(body, israel, iran))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("FIGHT", "Israel", "Iran")]
    body = 'Menteri Luar Negeri Iran Abbas Araghchi mengatakan bahwa pasukan Iran akan "menggempur" Israel.'
    events = find_events(_analysis(body, israel, iran, ("E3", "Abbas Araghchi", "PER", ["Abbas Araghchi"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("THREATEN", "Abbas Araghchi", "Israel")]


def test_people_held_at_a_police_station_are_held_by_that_police():
    body = "Rudi Hartono kini ditahan di Mapolres Bangkalan untuk pemeriksaan."
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert [(e.type, e.actor.name, e.actor.code, e.target.name) for e in events if e.type == "COERCE"] == \
        [("COERCE", "Polres Bangkalan", "IDNCOP", "Rudi Hartono")]


def test_thanks_to_several_parties_are_one_event_each():
    body = "Bupati Budi Santoso menyampaikan terima kasih kepada Kementerian Desa, pihak Polda Bali, serta Rina Wati."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Kementerian Desa", "ORG", ["Kementerian Desa"], "ID", None),
                                   ("E3", "Polda Bali", "ORG", ["Polda Bali"], "ID", None),
                                   ("E4", "Rina Wati", "PER", ["Rina Wati"], None, None)))
    assert sorted(e.target.name for e in events if e.type == "SUPPORT") == ["Kementerian Desa", "Polda Bali", "Rina Wati"]


def test_a_quote_speaker_read_with_part_of_a_place_is_the_person_of_that_name():
    body = ('Kepala Kemenag Kota Lima Enjat Mujiat tiba. "Kami ingin menyampaikan terima kasih kepada Rina Wati," '
            'ucapnya.')
    analysis = _analysis(body, ("E1", "Enjat Mujiat", "PER", ["Enjat Mujiat"], None, None),
                         ("E2", "Rina Wati", "PER", ["Rina Wati"], None, None))
    start = body.index('"') + 1
    end = body.index('," ucapnya')
    analysis.quotes = [Quote(body[start:end], start, end, "direct", "ucapnya", Speaker("Lima Enjat Mujiat"))]
    events = find_events(analysis)
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("SUPPORT", "Enjat Mujiat", "Rina Wati")]


def test_an_agentless_arrest_in_a_story_naming_a_police_station_is_the_polices():
    body = ("Mobil itu dikejar petugas Satreskrim hingga menabrak rumah warga. "
            "Rudi Hartono berhasil diamankan dalam insiden tersebut.")
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert [(e.type, e.actor.sector, e.target.name) for e in events if e.type == "COERCE"] == \
        [("COERCE", "COP", "Rudi Hartono")]


def test_an_agent_after_oleh_may_carry_a_capitalised_title():
    body = "Massa akhirnya membubarkan diri setelah ditemui oleh Gubernur Rosa Vidal."
    events = find_events(_analysis(body, ("E1", "Rosa Vidal", "PER", ["Rosa Vidal"], None, None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("CONSULT", "Rosa Vidal", "Massa")]


def test_an_acquittal_is_no_sentence():
    body = "Uang itu diberikan agar majelis hakim memvonis bebas Rudi Hartono."
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert not [e for e in events if e.type == "COERCE"]
    body = "Majelis hakim memvonis Rudi Hartono 11 tahun penjara."
    events = find_events(_analysis(body, ("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert [(e.type, e.mode, e.target.name) for e in events] == [("COERCE", "sentence", "Rudi Hartono")]


def test_a_deeds_toll_is_not_a_second_deed_and_unnamed_people_held_are_suspects():
    body = "Polres Klaten menangkap Rudi Hartono terkait kasus penembakan yang menewaskan seorang warga."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None),
                                   ("E2", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert [e.type for e in events] == ["COERCE"]
    body = "Polres Klaten telah menetapkan tujuh orang sebagai tersangka."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert [(e.type, e.target.code) for e in events] == [("INVESTIGATE", "IDNCRM")]


def test_a_threat_of_an_act_aimed_at_no_party_still_counts():
    body = "Ini bukan pertama kalinya Peru mengancam akan menutup Selat Magellan."
    events = find_events(_analysis(body, ("E1", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.name, e.target) for e in events] == [("THREATEN", "Peru", None)]
    body = "Peru mengancam semua pihak."
    assert find_events(_analysis(body, ("E1", "Peru", "LOC", ["Peru"], "PE", "country"))) == []


def test_a_subject_may_straddle_the_comma_between_its_role_and_name():
    body = "Kepala Dinas Pemuda (Kadispora) Kota Lima,Rudi Hartonoresmi ditahan oleh Kejaksaan Tinggi Lima."
    events = find_events(_analysis(body, ("E1", "Dinas Pemuda", "ORG", ["Dinas Pemuda"], "ID", None),
                                   ("E4", "Kota Lima", "LOC", ["Kota Lima"], "PE", "city"),
                                   ("E2", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
                                   ("E3", "Kejaksaan Tinggi Lima", "ORG", ["Kejaksaan Tinggi Lima"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == \
        [("COERCE", "Kejaksaan Tinggi Lima", "Rudi Hartono")]


def test_one_meets_with_someone_not_with_the_name_inside_a_topic():
    body = "Polres Klaten berkoordinasi terkait hilangnya mantan Ketua DPRD Klaten."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None),
                                   ("E2", "DPRD Klaten", "ORG", ["DPRD Klaten"], "ID", None)))
    assert not [e for e in events if e.type == "CONSULT"]
    body = "Polres Klaten berkoordinasi dengan DPRD Klaten soal hilangnya warga."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None),
                                   ("E2", "DPRD Klaten", "ORG", ["DPRD Klaten"], "ID", None)))
    assert [(e.type, e.target.name) for e in events] == [("CONSULT", "DPRD Klaten")]


def test_a_regional_body_cut_from_its_place_is_named_with_it():
    body = "Polda Bali menangkap Rudi Hartono di Denpasar."
    events = find_events(_analysis(body, ("E1", "Polda", "ORG", ["Polda"], "ID", None),
                                   ("E2", "Bali", "LOC", ["Bali"], "ID", "province"),
                                   ("E3", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None)))
    assert [(e.actor.name, e.actor.code) for e in events] == [("Polda Bali", "IDNCOP")]


def test_a_deeds_toll_even_after_a_glued_deed_noun_but_a_statement_that_accuses_is_an_accusation():
    body = "Polres Klaten berkoordinasi dengan warga untuk mengatasiserangan beruangyang telah menewaskan seorang petani."
    events = find_events(_analysis(body, ("E1", "Polres Klaten", "ORG", ["Polres Klaten"], "ID", None)))
    assert not [e for e in events if e.type == "ASSAULT"]
    body = "Kader itu sakit hati atas ucapan Budi Santoso yang menuding Partai Buruh terkait isu judi."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Partai Buruh", "ORG", ["Partai Buruh"], "ID", None)))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("DISAPPROVE", "Budi Santoso", "Partai Buruh")]


def test_an_ultimatum_issued_to_a_state_threatens_it():
    body = "Presiden Chile Rosa Vidal mengeluarkan ultimatum kepada Peru pada Rabu pagi."
    events = find_events(_analysis(body, ("E1", "Rosa Vidal", "PER", ["Rosa Vidal"], None, None),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("THREATEN", "Rosa Vidal", "Peru")]


def test_a_verb_glued_after_a_country_the_ner_missed_is_a_trigger():
    body = "Pernyataan itu muncul tak lama setelahPerumeluncurkan dua putaran rudal balistik ke Chile."
    events = find_events(_analysis(body, ("E2", "Chile", "LOC", ["Chile"], "CL", "country")))
    assert [(e.type, e.actor.country, e.target.name) for e in events] == [("FIGHT", "PE", "Chile")]


def test_condemning_a_deed_no_one_is_named_for_condemns_its_perpetrators():
    body = "PT Kereta Api Indonesia (KAI) mengecam keras aksi pelemparan terhadap kereta api di Sumatra Utara."
    kai = ("E1", "PT Kereta Api Indonesia", "ORG", ["PT Kereta Api Indonesia", "KAI"], "ID", None)
    events = find_events(_analysis(body, kai))
    assert [(e.type, e.target.name, e.target.code) for e in events] == \
        [("DISAPPROVE", "pelaku pelemparan", "IDNCRM")]
    body = "PT Kereta Api Indonesia (KAI) mengecam keras keputusan tersebut."   # no deed, no one named
    assert find_events(_analysis(body, kai)) == []


def test_a_coordinated_clause_without_a_subject_shares_the_one_before():
    budi, andi = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                  ("E2", "Andi Wijaya", "PER", ["Andi Wijaya"], None, None))
    body = "Polisi menangkap Budi Santoso, lalu menahan Andi Wijaya."
    assert [(e.type, e.actor.name, e.target.name) for e in find_events(_analysis(body, budi, andi))] == \
        [("COERCE", "Polisi", "Budi Santoso"), ("COERCE", "Polisi", "Andi Wijaya")]
    # the speaker's own side, through the verb before "namun" reported by the speech verb
    body = "Chile menegaskan sebetulnya tidak menginginkan perang, namun akan terus membalas setiap serangan Peru."
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("THREATEN", "Chile", "Peru")]


def test_a_negated_act_right_after_a_speech_verb_is_the_speakers_own():
    body = "Budi Santoso mengaku tidak menyesal sudah memilih Andi Wijaya."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Andi Wijaya", "PER", ["Andi Wijaya"], None, None)))
    assert [(e.type, e.actor.name, e.negated) for e in events] == [("CONCEDE", "Budi Santoso", True)]


def test_a_relative_clause_after_a_comma_is_about_the_name_before_it():
    trump, peru = (("E1", "Donald Trump", "PER", ["Donald Trump"], None, None),
                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country"))
    body = "Ancaman itu muncul dari Presiden Donald Trump, yang beberapa jam sebelumnya mengecam Peru."
    assert [(e.type, e.actor.name, e.target.name) for e in find_events(_analysis(body, trump, peru))] == \
        [("DISAPPROVE", "Donald Trump", "Peru")]
    body = "Ancaman itu muncul dari Presiden Donald Trump, yang menilai media diam-diam mengecam Peru."
    assert find_events(_analysis(body, trump, peru)) == []   # a verb between: the clause has its own subject


def test_forces_named_with_their_country_in_brackets_and_those_they_shoot_at_are_not_their_own_people():
    body = ("Warga Peru berduka. Sedikitnya 11 orang tewas setelah pasukan pendudukan (Chile) melepaskan tembakan "
            "ke arah warga. Pemerintah Peru berduka. Presiden Peru berduka.")
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    shooting = next(e for e in events if e.type == "ASSAULT")
    assert (shooting.actor.code, shooting.target.name, shooting.target.code) == ("CHLMIL", "warga", "PERCVL")


def test_a_body_name_the_ner_tagged_in_part_is_read_whole():
    body = "Budi Santoso ditangkap Direktorat Jenderal (Ditjen) Imigrasi di Bandara Soekarno-Hatta."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Ditjen", "ORG", ["Ditjen"], "ID", None)))
    assert [(e.type, e.actor.name) for e in events] == [("COERCE", "Direktorat Jenderal (Ditjen) Imigrasi")]
    body = "Kementerian Kelautan dan Perikanan (KKP) menangkap Budi Santoso."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Kementerian Kelautan", "ORG", ["Kementerian Kelautan"], "ID", None)))
    assert [(e.type, e.actor.name) for e in events] == [("COERCE", "Kementerian Kelautan dan Perikanan")]


def test_an_agentless_arrest_of_someone_arrested_before_is_by_the_same_body():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Ditjen Imigrasi", "ORG", ["Ditjen Imigrasi"], "ID", None),
              ("E3", "Interpol Indonesia", "ORG", ["Interpol Indonesia"], "ID", None))
    body = ("Budi Santoso ditangkap Ditjen Imigrasi di Bandara Soekarno-Hatta. Polisi sudah lama mencarinya. "
            "Budi Santoso ditangkap berkat pencekalan yang diajukan oleh Interpol Indonesia.")
    events = find_events(_analysis(body, *people))
    assert [(e.type, e.actor.name, e.target.name, len(e.mentions)) for e in events] == \
        [("COERCE", "Ditjen Imigrasi", "Budi Santoso", 2)]


def test_a_dismissal_does_not_name_who_detained_the_dismissed():
    body = "Presiden Budi Santoso memecat Andi Wijaya pada Senin. Kemudian Andi Wijaya ditahan atas tuduhan korupsi."
    events = find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E2", "Andi Wijaya", "PER", ["Andi Wijaya"], None, None)))
    assert [(e.mode, e.actor.name) for e in events if e.type == "COERCE"][0] == ("dismissal", "Budi Santoso")
    assert all(e.actor.name != "Budi Santoso" for e in events if e.mode != "dismissal")


def test_mereka_after_a_speech_verb_and_whom_it_was_told_is_the_speakers_side():
    body = ("Otoritas Chile mengatakan telah menyampaikan kepada Lima, bahwa mereka akan merespons Peru dengan "
            "tegas.")
    events = find_events(_analysis(body, ("E1", "Chile", "LOC", ["Chile"], "CL", "country"),
                                   ("E2", "Peru", "LOC", ["Peru"], "PE", "country")))
    assert [(e.type, e.actor.code, e.target.name) for e in events] == [("THREATEN", "CHLGOV", "Peru")]


def test_showing_no_mercy_to_a_party_threatens_it():
    states = (("E1", "Chile", "LOC", ["Chile"], "CL", "country"), ("E2", "Peru", "LOC", ["Peru"], "PE", "country"))
    body = "Chile tidak akan menunjukkan belas kasihan kepada Peru."
    assert [(e.type, e.actor.name, e.target.name, e.negated) for e in find_events(_analysis(body, *states))] == \
        [("THREATEN", "Chile", "Peru", False)]
    body = "Chile menunjukkan belas kasihan kepada Peru."   # mercy shown threatens no one
    assert find_events(_analysis(body, *states)) == []


def test_sports_idioms_are_no_attacks_thefts_or_aid():
    body = ("Persib mengincar mantan gelandang serang Arema FC, Wiliam Marcilio. "
            "Skuad asuhan Budi Santoso ingin mencuri kemenangan di kandang lawan. "
            "Andi Wijaya sukses menyumbangkan poin untuk Persib.")
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Andi Wijaya", "PER", ["Andi Wijaya"], None, None),
              ("E3", "Arema FC", "ORG", ["Arema FC"], "ID", None), ("E4", "Persib", "ORG", ["Persib"], "ID", None))
    assert find_events(_analysis(body, *people)) == []


def test_the_police_named_as_such_are_not_the_articles_other_agency():
    body = ("KPK menangkap Budi Santoso. KPK menahan Budi Santoso. "
            "Direktur Jenderal Pajak Andi Wijaya telah berkoordinasi dengan pihak kepolisian.")
    events = find_events(_analysis(body, ("E1", "KPK", "ORG", ["KPK"], "ID", None),
                                   ("E2", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                   ("E3", "Andi Wijaya", "PER", ["Andi Wijaya"], None, None)))
    consult = next(e for e in events if e.type == "CONSULT")
    assert (consult.target.name, consult.target.code) == ("pihak kepolisian", "IDNCOP")


def test_everyday_and_sports_senses_of_event_words_are_no_events():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Sinta Dewi", "PER", ["Sinta Dewi"], None, None),
              ("E3", "Persib", "ORG", ["Persib"], "ID", None), ("E4", "Persija", "ORG", ["Persija"], "ID", None))
    for body in ("Budi Santoso dan Sinta Dewi resmi mengikat janji dalam acara tunangan.",
                 "Di tes itu, Persib tampil menjanjikan.",
                 "Persib menyumbang 498 unit penjualan.",
                 "Sinta Dewi menjalani pemeriksaan USG di ruang dokter.",
                 "Persib dan Persija akan bertemu di matchday 2 Grup C.",
                 "Budi Santoso merapat ke klub Persija usai berpisah dengan Persib."):
        assert find_events(_analysis(body, *people)) == [], body
    body = "Budi Santoso berjanji akan membangun jalan. Budi Santoso bertemu dengan Sinta Dewi di Jakarta."
    assert [e.type for e in find_events(_analysis(body, *people))] == ["AGREE", "CONSULT"]


def test_a_trigger_word_inside_a_capitalised_name_joined_by_dan_is_no_trigger():
    from warta.pipeline import analyze

    body = ('"Layanan ini inklusif," ujar Kepala Bidang Informasi dan Komunikasi Publik (IKP), Budi Santoso, '
            'mewakili Kepala Dinas Kominfo Jatim, Sinta Dewi Lestari.')
    analysis = analyze(Article("u", "t", body=body, published="2025-06-18T10:00:00+07:00"))
    assert [e.trigger.text for e in analysis.events] == []


def test_drawn_matches_and_civilian_agencies_deploying_staff_are_no_events():
    clubs = (("E1", "Persib", "ORG", ["Persib"], "ID", None), ("E2", "Persija", "ORG", ["Persija"], "ID", None))
    for body in ("Persib ditahan imbang Persija di Bandung.", "Persib ditahan Persija 1-1 dalam laga pertama."):
        assert find_events(_analysis(body, *clubs)) == [], body
    body = "BPBD DKI Jakarta telah mengerahkan personel untuk memantau genangan."
    assert find_events(_analysis(body, ("E1", "BPBD DKI Jakarta", "ORG", ["BPBD DKI Jakarta"], "ID", None))) == []
    body = "TNI mengerahkan 500 personel ke Papua."
    assert [(e.type, e.actor.code) for e in find_events(_analysis(body, ("E1", "TNI", "ORG", ["TNI"], "ID", None)))] \
        == [("MOBILIZE", "IDNMIL")]


def test_promoting_a_thing_is_no_urging_of_the_party_named_after_it():
    bi = ("E1", "Bank Indonesia", "ORG", ["Bank Indonesia"], "ID", None)
    body = "Bank Indonesia akan terus mendorong pertumbuhan ekonomi Indonesia."
    assert find_events(_analysis(body, bi, ("E2", "Indonesia", "LOC", ["Indonesia"], "ID", "country"))) == []
    body = "Bank Indonesia mendorong Presiden Budi Santoso untuk menurunkan pajak."
    events = find_events(_analysis(body, bi, ("E2", "Budi Santoso", "PER", ["Budi Santoso"], None, None)))
    assert [(e.type, e.target.name) for e in events] == [("DEMAND", "Budi Santoso")]


def test_a_collision_with_no_one_run_over_and_a_call_up_to_the_squad_are_no_events():
    for body in ("Truk tangki Pertamina menabrak dump truk tronton di Tuban.",
                 "Budi Santoso, pemain Persib, dipanggil ke TC timnas."):
        assert find_events(_analysis(body, ("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
                                     ("E2", "Pertamina", "ORG", ["Pertamina"], "ID", None))) == [], body


def test_trade_wars_draws_nicknames_reports_and_vehicle_collisions_are_no_events():
    states = [("E%d" % i, n, "LOC", [n], c, "country") for i, (n, c) in
              enumerate((("AS", "US"), ("Tiongkok", "CN"), ("Rusia", "RU"), ("Ukraina", "UA")))]
    body = "Sudah ada tekanan dari perang dagang AS-Tiongkok dan konflik Rusia-Ukraina."
    assert find_events(_analysis(body, *states)) == []
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Persib", "ORG", ["Persib"], "ID", None), ("E3", "Persija", "ORG", ["Persija"], "ID", None),
              ("E4", "Toyota Innova", "ORG", ["Toyota Innova"], None, None))
    for body in ("Persib memetik satu poin usai menahan Persija tanpa gol.",
                 "Persib gagal menang karena ditahan 3-3.",
                 "Budi Santoso ingin dipanggil ayah oleh anaknya.",
                 "Menteri Budi Santoso melaporkan penyaluran gaji ke-13 untuk ASN, TNI dan Polri telah terealisasi.",
                 "Truk Persib menabrak bagian belakang kendaraan Toyota Innova."):
        assert find_events(_analysis(body, *people)) == [], body


def test_an_airport_authority_is_no_drug_dealer():
    from warta.events.lexicon import _sector
    assert _sector("Kantor Otoritas Bandar Udara Wilayah IV") == "GOV"
    assert _sector("Bandar Udara Wilayah IV Denpasar") == "BUS"   # the NER's span, without "Otoritas"
    assert _sector("bandar narkoba") == "CRM"


def test_a_protest_lodged_is_a_complaint_hands_held_are_no_cooperation_and_plates_are_no_police():
    bodies = (("E1", "PSSI", "ORG", ["PSSI"], "ID", None), ("E2", "FIFA", "ORG", ["FIFA"], None, None),
              ("E3", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E4", "Sinta Dewi", "PER", ["Sinta Dewi"], None, None))
    body = "PSSI sudah melayangkan protes kepada FIFA terkait tuan rumah."
    assert [(e.type, e.mode, e.target.name) for e in find_events(_analysis(body, *bodies))] == \
        [("DISAPPROVE", "complain", "FIFA")]
    for body in ("Sinta Dewi menggandeng sang suami, Budi Santoso.",
                 "Budi Santoso menabrak bagian belakang truk bernomor polisi DK-8348-CT."):
        assert find_events(_analysis(body, *bodies)) == [], body


def test_a_midfielder_being_caught_on_camera_and_what_police_ought_to_do():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Persib", "ORG", ["Persib"], "ID", None))
    for body in ("Gelandang baru Persib, Budi Santoso, akan memainkan laga pertamanya.",
                 "Budi Santoso tertangkap kamera menonton pertandingan Persib."):
        assert find_events(_analysis(body, *people)) == [], body
    body = "Menurut Budi Santoso, sudah seharusnya polisi bisa menangkap pelaku dengan mudah."
    assert [(e.type, e.actor.name, e.hypothetical) for e in find_events(_analysis(body, *people))] == \
        [("COERCE", "polisi", True)]   # an opinion of what ought to be: no threat by the speaker, no arrest done


def test_military_after_a_noun_of_attack_describes_it_and_names_no_attacker():
    peru = ("E1", "Peru", "LOC", ["Peru"], "PE", "country")
    body = "Presiden Budi Santoso tengah mempertimbangkan serangan militer terhadap Peru."
    assert [e for e in find_events(_analysis(body, peru)) if e.actor.name == "militer"] == []
    body = "Serangan militer Chile terhadap Peru menewaskan 30 orang."
    events = find_events(_analysis(body, peru, ("E2", "Chile", "LOC", ["Chile"], "CL", "country")))
    assert {(e.actor.code, e.target.name) for e in events} == {("CHLMIL", "Peru")}


def test_the_police_or_court_a_complaint_is_filed_with_is_not_whom_it_is_against():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Andi Wijaya", "PER", ["Andi Wijaya"], None, None),
              ("E3", "Polres Bogor", "ORG", ["Polres Bogor"], "ID", None),
              ("E4", "Pengadilan Negeri Bogor", "ORG", ["Pengadilan Negeri Bogor"], "ID", None))
    for body in ("Budi Santoso melaporkan kasus ini ke Polres Bogor.",
                 "Budi Santoso melayangkan gugatan perdata ke Pengadilan Negeri Bogor."):
        assert find_events(_analysis(body, *people)) == [], body
    body = "Budi Santoso melaporkan Andi Wijaya ke Polres Bogor."
    assert [(e.type, e.target.name) for e in find_events(_analysis(body, *people))] == [("DISAPPROVE", "Andi Wijaya")]


def test_market_idioms_medical_tests_and_pushing_an_idea_are_no_events():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "IHSG", "ORG", ["IHSG"], "ID", None))
    for body in ("Sebanyak 309 saham melemah sehingga tahan penguatan IHSG.",
                 "Budi Santoso akan menjalani pemeriksaan EEG ulang di rumah sakit.",
                 '"Kita dorong dong wacana ini ke publik," kata Budi Santoso.'):
        assert find_events(_analysis(body, *people)) == [], body


def test_shots_on_goal_product_demos_and_being_hit_by_a_truck_are_no_events():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Persib", "ORG", ["Persib"], "ID", None))
    for body in ("Persib mengancam, namun tembakan jarak dekat Budi Santoso sukses diatasi kiper.",
                 "Sebagai demonstrasi di perangkat baru, Budi Santoso memperlihatkan fitur kamera.",
                 "Tidak jarang satu keluarga Budi Santoso habis dihantam truk ODOL."):
        assert find_events(_analysis(body, *people)) == [], body


def test_saves_fixtures_forms_of_address_and_colloquial_negation():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Persib", "ORG", ["Persib"], "ID", None), ("E3", "Persija", "ORG", ["Persija"], "ID", None))
    for body in ("Kiper Persib menahan tembakan jarak jauh Budi Santoso di menit ke-84.",
                 "Laga akbar itu mempertemukan dua rival berat, Persib dan Persija.",
                 "Kalau bertemu orang, Budi Santoso dipanggil Pak Haji."):
        assert find_events(_analysis(body, *people)) == [], body
    body = "Budi Santoso gak ditahan polisi."
    assert [(e.type, e.negated) for e in find_events(_analysis(body, *people))] == [("COERCE", True)]


def test_catching_attention_and_being_promising_are_no_events():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),)
    for body in ("Gaya Budi Santoso di acara itu langsung menyita perhatian publik.",
                 "Budi Santoso mengatakan progres proyek itu menjanjikan."):
        assert find_events(_analysis(body, *people)) == [], body
    body = "Budi Santoso menjanjikan akan membangun jalan tol."
    assert [e.type for e in find_events(_analysis(body, *people))] == ["AGREE"]


def test_departures_fun_decrees_tax_penalties_and_unscored_draws_are_no_events():
    people = (("E1", "Budi Santoso", "PER", ["Budi Santoso"], None, None),
              ("E2", "Persib", "ORG", ["Persib"], "ID", None), ("E3", "Persija", "ORG", ["Persija"], "ID", None))
    for body in ("Budi Santoso bertolak ke Tanah Air setelah sepekan di Arab Saudi.",
                 "Budi Santoso mengabadikan momen serunya selama di Lombok.",
                 "Presiden Budi Santoso sudah meneken Keputusan Presiden memperpanjang masa kerja komisioner.",
                 "Bebas pokok dan sanksi PKB ini berlaku bagi penunggak pajak.",
                 "Persib ditahan Persija di laga perdana Grup E."):
        assert find_events(_analysis(body, *people)) == [], body


def test_drawing_criticism_and_a_truck_hitting_a_motorbike_name_no_critic_or_attacker():
    bodies = (("E1", "PSSI", "ORG", ["PSSI"], "ID", None), ("E2", "Qatar", "LOC", ["Qatar"], "QA", "country"),
              ("E3", "Pertamina", "ORG", ["Pertamina"], "ID", None),
              ("E4", "Budi Santoso", "PER", ["Budi Santoso"], None, None))
    for body in ("PSSI kena kritik karena penunjukan Qatar sebagai tuan rumah.",
                 "Truk Pertamina itu kembali menghantam sepeda motor yang dikemudikan Budi Santoso."):
        assert find_events(_analysis(body, *bodies)) == [], body


def test_about_glued_to_a_name_and_receiving_a_sanction_are_no_events():
    people = (("E1", "Hasan Basri", "PER", ["Hasan Basri"], None, None),
              ("E2", "Arab Saudi", "LOC", ["Arab Saudi"], "SA", "country"))
    for body in ("Berita terpopuler hari ini tentangArab Saudi menutup wilayah udaranya.",
                 "Hasan Basri mengaku siap menerima sanksi dari partainya."):
        assert find_events(_analysis(body, *people)) == [], body
    body = "Hasan Basri menentang keras rencana Arab Saudi itu."
    assert [e.type for e in find_events(_analysis(body, *people))] == ["REJECT"]


def test_sport_and_celebrity_rubrics_code_only_events_with_a_public_party():
    people = (("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
              ("E2", "Persib", "ORG", ["Persib"], "ID", None),
              ("E3", "Sinta Dewi", "PER", ["Sinta Dewi"], None, None))
    private = ("Pelatih Rudi Hartono meminta Persib mendatangkan dua pemain asing.",
               "Rudi Hartono memuji penampilan Sinta Dewi di konser itu.")
    public = "Polisi menangkap Rudi Hartono di rumahnya di Bandung."
    for url in ("https://sport.contoh.id/sepakbola/d-1/x", "https://www.contoh.id/showbiz/read/1/x"):
        for body in private:
            assert find_events(_analysis(body, *people, url=url)) == [], (url, body)
        assert [e.type for e in find_events(_analysis(public, *people, url=url))] == ["COERCE"]
    news = "https://news.contoh.id/berita/d-1/x"
    assert [e.type for e in find_events(_analysis(private[0], *people, url=news))] == ["DEMAND"]


def test_a_rules_wording_about_anyone_and_an_agentless_arrest_no_body_is_named_for_are_no_events():
    people = (("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),
              ("E2", "Bandung", "LOC", ["Bandung"], "ID", "city"))
    assert find_events(_analysis("Setiap orang dilarang membakar sampah di Bandung.", *people)) == []
    banned = find_events(_analysis("Polisi melarang Rudi Hartono meninggalkan Bandung.", *people))
    assert [(e.type, e.target.name) for e in banned] == [("COERCE", "Rudi Hartono")]
    # guideline 1 of the golds: an agentless passive counts when its verb or the article names who acts
    assert find_events(_analysis("Rudi Hartono diusir dari Bandung pekan lalu.", *people)) == []
    body = "Polisi berjaga di Bandung sejak pagi. Rudi Hartono diusir dari kota itu."
    expelled = find_events(_analysis(body, *people))
    assert [(e.type, e.actor.name) for e in expelled] == [("COERCE", "polisi")]
    held = find_events(_analysis("Rudi Hartono ditahan di Bandung selama dua hari.", *people))
    assert [(e.type, e.actor.code) for e in held] == [("COERCE", "IDNGOV")]   # holding people: the state's


def test_business_people_are_no_offenders_and_ministries_by_acronym_are_government():
    from warta.events.lexicon import _sector
    assert _sector("para pelaku usaha") == "BUS" and _sector("pelaku industri") == "BUS"
    assert _sector("pelaku pembacokan") == "CRM"
    assert _sector("Menkomdigi Meutya Hafid") == "GOV" and _sector("Kemendes PDTT") == "GOV"
    assert _sector("Dinas Perhubungan") == "GOV" and _sector("dinas intelijen Israel") == "SPY"
    assert _sector("Bank Indonesia") == "GOV" and _sector("Bank Sentral Amerika Serikat") == "GOV"
    assert _sector("Bank Mandiri") == "BUS" and _sector("OJK") == "GOV"


def test_one_party_spelt_two_ways_is_not_its_own_target_and_names_close_their_brackets():
    parties = (("E1", "Air Asia", "ORG", ["Air Asia"], "ID", None), ("E2", "AirAsia", "ORG", ["AirAsia"], "ID", None))
    events = find_events(_analysis("Air Asia mengimbau AirAsia agar menunda semua penerbangan.", *parties))
    assert all(e.target is None or e.target.name != "AirAsia" for e in events)
    states = (("E1", "Indonesia", "LOC", ["Indonesia"], "ID", "country"),
              ("E2", "pemerintah Amerika Serikat (AS", "ORG", ["pemerintah Amerika Serikat (AS"], "US", None))
    body = "Indonesia melakukan negosiasi dengan pemerintah Amerika Serikat (AS) soal tarif impor."
    talks = find_events(_analysis(body, *states))
    assert [(e.type, e.target.name) for e in talks] == [("CONSULT", "pemerintah Amerika Serikat (AS)")]


def test_a_passive_act_demanded_of_no_one_named_is_part_of_the_demand():
    parties = (("E1", "Aliansi Mahasiswa", "ORG", ["Aliansi Mahasiswa"], "ID", None),
               ("E2", "Budi Santoso", "PER", ["Budi Santoso"], None, None))
    events = find_events(_analysis("Aliansi Mahasiswa menuntut Budi Santoso dipecat dari kursi menteri.", *parties))
    assert "COERCE" not in [e.type for e in events]
    assert all(e.actor.name != "Budi Santoso" for e in events)


def test_sending_firefighters_or_medics_is_no_mobilisation():
    bodies = (("E1", "Dinas Perhubungan", "ORG", ["Dinas Perhubungan"], "ID", None),
              ("E2", "TNI", "ORG", ["TNI"], "ID", None))
    for body in ("Dinas Perhubungan mengerahkan 75 personel dan 15 unit kendaraan pemadam ke lokasi kebakaran.",
                 "TNI mengirimkan 40 personel tenaga medis ke pengungsian."):
        assert find_events(_analysis(body, *bodies)) == [], body
    troops = find_events(_analysis("TNI mengerahkan 500 personel ke perbatasan.", *bodies))
    assert [e.type for e in troops] == ["MOBILIZE"]


def test_confidence_ranks_a_lead_event_between_named_parties_above_a_plan_with_no_target():
    events = by_trigger(find_events(analysis()))
    arrest, withdrawal = events["menangkap"], events["menarik"]
    assert withdrawal.hypothetical and withdrawal.target is None
    assert 0.05 <= withdrawal.confidence < arrest.confidence <= 0.95
    late = "Harga cabai naik tajam pekan ini. " * 14 + "Polisi Resor Bantul menangkap Joko Santoso."
    people = (("E1", "Polisi Resor Bantul", "ORG", ["Polisi Resor Bantul"], "ID", None),
              ("E2", "Joko Santoso", "PER", ["Joko Santoso"], None, None))
    deep = find_events(_analysis(late, *people))
    assert [e.type for e in deep] == ["COERCE"] and deep[0].confidence < arrest.confidence   # not in the lead


def test_support_as_an_aim_and_a_newsrooms_own_inquiry_are_no_events():
    bodies = (("E1", "Polri", "ORG", ["Polri"], "ID", None), ("E2", "detikcom", "ORG", ["detikcom"], "ID", None),
              ("E3", "Anambas", "LOC", ["Anambas"], "ID", "regency"))
    for body in ("Polri membentuk satgas khusus dalam rangka mendukung program pemerintah.",
                 "Berdasarkan penelusuran detikcom, dua pulau di Anambas masih dijual."):
        assert find_events(_analysis(body, *bodies)) == [], body
    assert [e.type for e in find_events(_analysis("Polri mendukung program pemerintah.", *bodies))] == ["SUPPORT"]


def test_cooperation_between_two_named_parties_is_coded_both_ways():
    parties = (("E1", "Kementerian Pertahanan", "ORG", ["Kementerian Pertahanan"], "ID", None),
               ("E2", "Turki", "LOC", ["Turki"], "TR", "country"))
    body = "Sejak tahun lalu terjalin kerja sama antara Kementerian Pertahanan dan Turki di bidang industri."
    pairs = {(e.type, e.actor.name, e.target.name) for e in find_events(_analysis(body, *parties))}
    assert {("COOPERATE", "Kementerian Pertahanan", "Turki"), ("COOPERATE", "Turki", "Kementerian Pertahanan")} <= pairs
    mou = "Jet tempur itu dibeli lewat nota kesepahaman kerja sama antara Kementerian Pertahanan dan Turki."
    assert find_events(_analysis(mou, *parties)) == []   # the agreement's name: its signing is the event
    lone = "Kementerian Pertahanan menyebut kerja sama itu penting bagi industri di Turki."
    assert all(e.target is None or e.target.name != "Kementerian Pertahanan"
               for e in find_events(_analysis(lone, *parties)))


def test_a_fact_check_codes_none_of_the_claims_it_checks_and_business_news_needs_a_public_party():
    people = (("E1", "Najwa Shihab", "PER", ["Najwa Shihab"], "ID", None),
              ("E2", "PT Maju Jaya", "ORG", ["PT Maju Jaya"], "ID", None),
              ("E3", "PT Sinar Laut", "ORG", ["PT Sinar Laut"], "ID", None))
    claim = "Beredar foto yang mengklaim Najwa Shihab ditangkap polisi di Jakarta."
    assert find_events(_analysis(claim, *people, url="https://www.contoh.id/cek-fakta/read/1/x")) == []
    deal = "PT Maju Jaya bekerja sama dengan PT Sinar Laut membangun pabrik baterai."
    assert find_events(_analysis(deal, *people, url="https://finance.contoh.id/industri/d-1/x")) == []
    assert [e.type for e in find_events(_analysis(deal, *people, url="https://news.contoh.id/berita/d-1/x"))] \
        == ["COOPERATE"]


def test_a_ban_with_no_one_named_imposing_it_is_a_rule_not_an_event():
    places = (("E1", "Semeru", "LOC", ["Semeru"], "ID", None), ("E2", "Lumajang", "LOC", ["Lumajang"], "ID", "regency"))
    body = "Gunung Semeru masih berstatus waspada, sehingga masyarakat di Lumajang dilarang mendekati kawah."
    assert find_events(_analysis(body, *places)) == []


def test_what_usually_happens_and_what_is_someones_task_are_no_events():
    bodies = (("E1", "Kementerian Sosial", "ORG", ["Kementerian Sosial"], "ID", None),
              ("E2", "Bekasi", "LOC", ["Bekasi"], "ID", "city"))
    for body in ("Biasanya polisi menangkap pelaku begal di Bekasi pada malam hari.",
                 "Kementerian Sosial memiliki tugas untuk memberikan bantuan kepada korban di Bekasi."):
        assert find_events(_analysis(body, *bodies)) == [], body
    given = find_events(_analysis("Kementerian Sosial memberikan bantuan kepada korban di Bekasi.", *bodies))
    assert [e.type for e in given] == ["AID"]


def test_a_damages_claim_is_a_suit_and_agreeing_with_an_opinion_is_support():
    people = (("E1", "Sri Lestari", "PER", ["Sri Lestari"], None, None),
              ("E2", "Garuda Indonesia", "ORG", ["Garuda Indonesia"], "ID", None),
              ("E3", "Puan Maharani", "PER", ["Puan Maharani"], None, None))
    claim = find_events(_analysis("Sri Lestari menuntut Garuda Indonesia membayar ganti rugi Rp 1 miliar.", *people))
    assert [(e.type, e.mode) for e in claim] == [("DISAPPROVE", "sue")]
    opinion = find_events(_analysis("Sri Lestari sepakat dengan pendapat Ketua DPR Puan Maharani.", *people))
    assert [(e.type, e.target.name) for e in opinion] == [("SUPPORT", "Puan Maharani")]


def test_a_party_from_a_state_is_not_the_state():
    parties = (("E1", "Kementerian Kelautan dan Perikanan", "ORG", ["Kementerian Kelautan dan Perikanan"], "ID", None),
               ("E2", "Filipina", "LOC", ["Filipina"], "PH", "country"))
    body = "Kementerian Kelautan dan Perikanan menangkap dua kapal asing asal Filipina di Laut Sulawesi."
    arrest = find_events(_analysis(body, *parties))
    assert [(e.type, e.target.name, e.target.sector) for e in arrest] == [("COERCE", "dua kapal asing asal Filipina", None)]
    assert arrest[0].target.country == "PH"


def test_a_startup_demo_day_and_a_demo_account_are_no_protests():
    orgs = (("E1", "Nakama", "ORG", ["Nakama"], "ID", None),)
    for body in ("Nakama menggelar demo day bagi dua puluh perusahaan rintisan.",
                 "Nakama menyarankan pemula berlatih dengan akun demo lebih dulu.",
                 "Nakama menggelar live demo, workshop dan talkshow di pameran itu."):
        assert find_events(_analysis(body, *orgs)) == [], body


def test_a_happening_spoken_of_is_not_the_speakers_deed():
    people = (("E1", "Mukhtar", "PER", ["Mukhtar"], None, None),)
    body = "Aktivis Mukhtar menyampaikan peristiwa pemerkosaan 1998 benar adanya."
    assert find_events(_analysis(body, *people)) == []


def test_dia_in_a_direct_quote_is_not_its_speaker():
    body = 'Direktur Ahmad Aris meninjau pulau itu. "Tapi dia tidak mengindahkan larangan kami," kata Ahmad Aris.'
    analysis = _analysis(body, ("E1", "Ahmad Aris", "PER", ["Ahmad Aris"], "ID", None))
    start, end = body.index('"'), body.index(",") + 2
    analysis.quotes = [Quote(body[start:end], start, end, "direct", "kata", Speaker("Ahmad Aris", "E1", None))]
    assert all(e.actor.name != "Ahmad Aris" for e in find_events(analysis))


def test_a_civil_agency_sending_a_team_is_no_mobilisation():
    bodies = (("E1", "Direktorat Jenderal PSDKP", "ORG", ["Direktorat Jenderal PSDKP"], "ID", None),
              ("E2", "Brimob", "ORG", ["Brimob"], "ID", None), ("E3", "Raja Ampat", "LOC", ["Raja Ampat"], "ID", None))
    assert find_events(_analysis("Direktorat Jenderal PSDKP menerjunkan tim ke Raja Ampat.", *bodies)) == []
    troops = find_events(_analysis("Brimob menerjunkan 200 personel ke Raja Ampat.", *bodies))
    assert [e.type for e in troops] == ["MOBILIZE"]


def test_an_agent_named_by_initials_after_oleh_acts():
    people = (("E1", "Rudi Hartono", "PER", ["Rudi Hartono"], None, None),)
    body = "Rudi Hartono telah dilaporkan ke polisi oleh istrinya yang berinisial KR pekan lalu."
    events = find_events(_analysis(body, *people))
    assert [(e.type, e.actor.name, e.target.name) for e in events] == [("DISAPPROVE", "KR", "Rudi Hartono")]


def test_refusing_to_cooperate_is_a_rejection_and_an_offer_of_help_is_an_agreement():
    parties = (("E1", "Pemerintah Aceh", "ORG", ["Pemerintah Aceh"], "ID", None),
               ("E2", "Pemerintah Sumatera Utara", "ORG", ["Pemerintah Sumatera Utara"], "ID", None),
               ("E3", "Lalamove", "ORG", ["Lalamove"], "ID", None))
    refusal = find_events(_analysis("Pemerintah Aceh tidak akan bekerja sama dengan Pemerintah Sumatera Utara.", *parties))
    assert [(e.type, e.negated, e.hypothetical, e.target.name) for e in refusal] == [
        ("REJECT", False, False, "Pemerintah Sumatera Utara")]
    offer = find_events(_analysis("Lalamove siap membantu Pemerintah Aceh dalam penyelidikan itu.", *parties))
    assert [(e.type, e.mode, e.hypothetical) for e in offer] == [("AGREE", "offer", False)]


def test_an_act_asked_of_a_party_not_named_is_not_done_by_the_one_asking():
    people = (("E1", "Pramono Anung", "PER", ["Pramono Anung"], "ID", None),)
    body = "Pramono Anung meminta pihak terkait menertibkan sopir ugal-ugalan tersebut."
    assert [e.type for e in find_events(_analysis(body, *people))] == []


def test_a_crash_that_kills_is_no_killing():
    bodies = (("E1", "India", "LOC", ["India"], "IN", "country"), ("E2", "Ahmedabad", "LOC", ["Ahmedabad"], "IN", "city"))
    body = "Pesawat maskapai India itu jatuh di Ahmedabad, menewaskan 241 orang di dalamnya."
    assert find_events(_analysis(body, *bodies)) == []


def test_someones_forecast_of_an_act_is_no_plan():
    people = (("E1", "Freddy Damanik", "PER", ["Freddy Damanik"], None, None),
              ("E2", "Joko Widodo", "PER", ["Joko Widodo"], None, None), ("E3", "Projo", "ORG", ["Projo"], "ID", None))
    body = "Freddy Damanik memperkirakan Joko Widodo akan bertemu dengan Projo sebelum bergabung ke partai."
    assert find_events(_analysis(body, *people)) == []
    plan = find_events(_analysis("Joko Widodo akan bertemu dengan Projo pekan depan.", *people))
    assert [(e.type, e.hypothetical) for e in plan] == [("CONSULT", True)]


def test_regretting_another_partys_deed_is_criticism():
    parties = (("E1", "Yudi Indra Sani", "PER", ["Yudi Indra Sani"], "ID", None),
               ("E2", "Pokdarwis Batu Malin", "ORG", ["Pokdarwis Batu Malin"], "ID", None))
    body = "Yudi Indra Sani menyesali aksi pungli yang justru dilakukan Pokdarwis Batu Malin."
    regret = [e for e in find_events(_analysis(body, *parties)) if e.actor.name == "Yudi Indra Sani"]
    assert [(e.type, e.target.name) for e in regret] == [("DISAPPROVE", "Pokdarwis Batu Malin")]
    own = find_events(_analysis("Yudi Indra Sani menyesali keputusannya mundur dari jabatan itu.", *parties))
    assert [e.type for e in own if e.actor.name == "Yudi Indra Sani"][:1] == ["CONCEDE"]


def test_a_country_in_a_sport_rubric_is_its_national_team():
    teams = (("E1", "Indonesia", "LOC", ["Indonesia"], "ID", "country"), ("E2", "Irak", "LOC", ["Irak"], "IQ", "country"),
             ("E3", "Rahmad Darmawan", "PER", ["Rahmad Darmawan"], None, None))
    body = "Indonesia dan Irak bertemu di Jakarta pada laga kualifikasi."
    assert find_events(_analysis(body, *teams, url="https://sport.contoh.id/sepakbola/d-1/x")) == []
    assert find_events(_analysis(body, *teams, url="https://news.contoh.id/berita/d-1/x")) != []


def test_a_laws_wording_is_no_ban_by_the_article_agency():
    bodies = (("E1", "Kejaksaan Agung", "ORG", ["Kejaksaan Agung"], "ID", None),)
    body = ("Kejaksaan Agung menyita barang itu. Undang-Undang Nomor 8 Tahun 1999 juga menegaskan pelaku usaha "
            "dilarang memperdagangkan barang yang tidak halal.")
    assert all(e.mode != "restrict" for e in find_events(_analysis(body, *bodies)))


def test_a_wrong_named_in_someones_words_accuses_its_doer():
    states = (("E1", "Abbas Araghchi", "PER", ["Abbas Araghchi"], "IR", None),
              ("E2", "Israel", "LOC", ["Israel"], "IL", "country"))
    body = '"Israel harus menghentikan agresinya terhadap kami," kata Abbas Araghchi.'
    analysis = _analysis(body, *states)
    end = body.index(",") + 2
    analysis.quotes = [Quote(body[:end], 0, end, "direct", "kata", Speaker("Abbas Araghchi", "E1", None))]
    accused = [(e.type, e.mode, e.actor.name, e.target.name) for e in find_events(analysis) if e.mode == "accuse"]
    assert accused == [("DISAPPROVE", "accuse", "Abbas Araghchi", "Israel")]
    body = '"Jika Israel ingin berunding, Israel harus menghentikan agresinya," kata Abbas Araghchi.'
    analysis = _analysis(body, *states)
    end = body.index('," ') + 2
    analysis.quotes = [Quote(body[:end], 0, end, "direct", "kata", Speaker("Abbas Araghchi", "E1", None))]
    made = [e for e in find_events(analysis) if e.mode == "accuse"]
    assert [(e.target.name, e.hypothetical) for e in made] == [("Israel", False)]   # the accusation is made now
    narration = "Israel melanjutkan agresi terhadap Gaza sejak Oktober."
    assert all(e.mode != "accuse" for e in find_events(_analysis(narration, *states)))   # the reporter accuses no one


def test_an_app_blocking_an_account_and_a_probe_blocking_light_are_no_restrictions():
    bodies = (("E1", "Polda Metro Jaya", "ORG", ["Polda Metro Jaya"], "ID", None),
              ("E2", "Occulter", "ORG", ["Occulter"], None, None))
    for body in ("Polda Metro Jaya memeriksa kasus itu. Akun pengemudi itu telah diblokir dari platform kami sejak Mei.",
                 "Occulter dengan tepat memblokir cahaya matahari tersebut."):
        assert all(e.mode != "restrict" for e in find_events(_analysis(body, *bodies))), body


def test_cooperation_an_agreement_speaks_of_is_the_agreements():
    states = (("E1", "Indonesia", "LOC", ["Indonesia"], "ID", "country"),
              ("E2", "Amerika Serikat", "LOC", ["Amerika Serikat"], "US", "country"))
    body = "Kedua presiden sepakat untuk meningkatkan kerja sama antara Indonesia dan Amerika Serikat."
    assert all(e.type != "COOPERATE" for e in find_events(_analysis(body, *states)))


def test_a_stance_kept_is_held_now_not_planned():
    parties = (("E1", "Projo", "ORG", ["Projo"], "ID", None), ("E2", "Joko Widodo", "PER", ["Joko Widodo"], None, None))
    kept = find_events(_analysis("Projo tetap akan mendukung Joko Widodo.", *parties))
    assert [(e.type, e.hypothetical) for e in kept] == [("SUPPORT", False)]
    planned = find_events(_analysis("Projo akan mendukung Joko Widodo.", *parties))
    assert [(e.type, e.hypothetical) for e in planned] == [("SUPPORT", True)]
