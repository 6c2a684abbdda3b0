"""Segmentation, pinyin and query cleaning: the index and the query must agree."""

import rjieba

from core.text import bigram_terms, chinese_runs, clean_query, pinyin_keys, query_terms, segment


def test_chinese_is_cut_into_words_then_bigrams_and_characters():
    assert (
        segment("无线蓝牙降噪耳机") == "无线 蓝牙 降噪 耳机 线蓝 牙降 噪耳 无 线 蓝 牙 降 噪 耳 机"
    )


def test_any_part_of_a_name_has_all_its_bigrams_in_the_index_however_jieba_cuts_it():
    # Alone, 扫地机 is cut 扫地 / 地机; inside the name jieba has no 地机 (扫地 / 机器人).
    assert "地机" not in rjieba.cut_for_search("扫地机器人")
    assert query_terms("扫地机") == bigram_terms("扫地机") == ["扫地", "地机"]
    assert {"扫地", "地机"} <= set(segment("追觅 X30 扫地机器人 自动集尘").split())
    name = "科沃斯窗宝擦窗机器人"
    indexed = set(segment(name).split())
    parts = [
        name[start:end] for start in range(len(name)) for end in range(start + 2, len(name) + 1)
    ]
    assert all(set(bigram_terms(part)) <= indexed for part in parts)


def test_bigram_terms_keep_latin_words_and_single_characters_as_the_query_has_them():
    assert bigram_terms("钢化膜 iPhones 男") == ["钢化", "化膜", "iphon", "男"]
    assert chinese_runs("钢化膜 iPhones 男") == ["钢化膜", "男"]


def test_a_query_uses_the_finest_words_so_longer_runs_still_match():
    assert query_terms("蓝牙耳机") == ["蓝牙", "耳机"]
    assert set(query_terms("蓝牙耳机")) <= set(segment("无线蓝牙降噪耳机").split())


def test_latin_words_are_lower_cased_and_stemmed_alike_on_both_sides():
    assert query_terms("Headphones") == ["headphon"]
    assert "headphon" in segment("Wired HEADPHONES").split()


def test_codes_are_indexed_whole_joined_and_in_parts():
    assert segment("WH-1000XM5").split() == [
        "wh-1000xm5",
        "wh1000xm5",
        "wh",
        "1000xm5",
        "1000",
        "xm",
        "5",
    ]
    assert query_terms("wh-1000xm5") == ["wh", "1000", "xm", "5"]


def test_mixed_text_keeps_latin_words_beside_chinese_ones():
    assert query_terms("iPhone 手机壳") == ["iphon", "手机", "壳"]


def test_pinyin_and_initials():
    assert pinyin_keys("蓝牙耳机") == ("lanyaerji", "lyej")
    assert pinyin_keys("iPhone 手机壳") == ("iphoneshoujike", "iphonesjk")


def test_clean_query_keeps_only_words_and_cuts_at_200_characters():
    assert clean_query('"蓝牙" AND (耳机* OR -x) <script>') == "蓝牙 AND 耳机 OR x script"
    assert clean_query("!!! ??? ---") == ""
    assert clean_query("a" * 500) == "a" * 200
    assert clean_query(None) == ""
