#!/usr/bin/env python3
"""Converts the collected published figures into smesurvey's catalogue format.

Input (kept in the repository for provenance, never edited):
  core/src/test/resources/org/smesurvey/core/original/published-figures.csv, published-figures-more.csv,
    published-figures-2026.csv
  core/src/test/resources/org/smesurvey/core/original/enterprise-populations.csv, enterprise-populations-more.csv
  core/src/test/resources/org/smesurvey/core/original/destatis-52111-0001.csv (Destatis GENESIS table
    52111-0001, flat CSV, as recorded on 10 Apr 2025 in the test cassettes of github.com/CorrelAid/pystatis)
Output (the bundled catalogue, see docs/catalogue-format.md):
  core/src/main/resources/org/smesurvey/core/bundled/{studies,observations,size-schemes,populations}.csv

The "-more" and "-2026" files follow their first part: a source_id found in several (OPINIONWAY_CORPCOM_2015,
BPIFRANCE_LAB_2018, BITKOM_2023, HAGSTOFA_2017_SE) stays one study, its added rows after its first ones.
One source_id becomes one study and each row one observation with the row's value, URL and notes.
No figure is computed. What this script decides, it decides from the row's own text: the indicator code
(from the wording, kept verbatim), the platform named, the respondent functions, the size-class scheme.
Study methods are coded only where the collected text says (telephone, mailed questionnaire, members of a
network); the official ICT surveys are coded from the Eurostat ICT survey methodology (stratified random
samples from business registers, weighted results).
A figure that repeats another study's figure (the same statistic of the same original publisher, reported again by
a secondary source) is kept, and its notes begin "Same statistic as <study_id> (<publisher>)." naming the figure
kept for it; the rule is that of org.smesurvey.stats.adoption.DuplicateFigures (see same_statistic below).

Usage: python3 tools/convert-shared-data.py   (from the repository root)
"""
import collections
import csv
import decimal
import os
import re
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORIGINAL = os.path.join(ROOT, "core/src/test/resources/org/smesurvey/core/original")
BUNDLED = os.path.join(ROOT, "core/src/main/resources/org/smesurvey/core/bundled")

STUDY_COLUMNS = ["study_id", "title", "publisher", "fieldwork", "region", "population", "size_scheme",
                 "size_min", "size_max", "sectors", "sample_size", "respondents", "mode", "sampling",
                 "weighting", "sources", "notes"]
OBSERVATION_COLUMNS = ["study_id", "indicator", "wording", "region", "year", "size_class", "size_min",
                       "size_max", "sectors", "platform", "scope", "x", "n", "value", "se", "ci_low",
                       "ci_high", "ci_level", "deff", "denominator", "source", "notes"]
SCHEME_COLUMNS = ["scheme_id", "scheme_name", "class_code", "class_label", "size_min", "size_max", "notes"]
POPULATION_COLUMNS = ["population_id", "publisher", "region", "year", "scope", "sectors", "size_class", "size_min",
                      "size_max", "enterprises", "source", "notes"]

PLATFORMS = {"facebook": "facebook", "linkedin": "linkedin", "x/twitter": "twitter", "twitter": "twitter",
             "youtube": "youtube", "instagram": "instagram", "tiktok": "tiktok", "xing": "xing",
             "viadeo": "viadeo", "pinterest": "pinterest", "google+": "google_plus", "microsoft teams": "teams",
             "slack": "slack", "skype for business": "skype_for_business",
             # platforms the catalogue has no code for: "other", the wording keeps the name
             "foursquare": "other", "flickr": "other", "snapchat": "other"}
PLATFORM = (r"(X/Twitter|Facebook|LinkedIn|Twitter|YouTube|Instagram|TikTok|Xing|Viadeo|Pinterest|Google\+"
            r"|Microsoft Teams|Slack|Skype for Business|Foursquare|Flickr|Snapchat)")

# (pattern on the wording, indicator code, whether group 1 names the platform); first match wins.
INDICATOR_RULES = [
    # published-figures-2026.csv, before the general rules that would read these wordings as adoption rates.
    # Purposes of use: purpose_<what>, with the base in the code as for every conditional share: _among_<users>
    # when a share of users, _among_internet_users when of firms with internet access (by the row's population,
    # see BASES), _base_not_stated when the source does not say (Grant Thornton's global "advertising" 53 % exceeds
    # its 43 % using social media, so a base of all firms cannot be assumed); plain purpose_<what> is reserved
    # for a share of all firms.
    (r"^social-media-using enterprises using these tools for image building or marketing",
     "purpose_marketing_among_social_media_users", False),
    (r"^share of social-networking SMEs using it to keep in touch with existing customers$",
     "purpose_customer_contact_among_social_network_users", False),
    (r"^share of social-networking SMEs using it for prospecting", "purpose_new_customers_among_social_network_users",
     False),
    (r"^SMEs incorporating social-network applications into their marketing strategies$", "purpose_marketing", False),
    (r"^SMEs using social-network applications internally with their employees$", "purpose_internal", False),
    (r"^SMEs using social-network applications with partners and suppliers$", "purpose_partners", False),
    (r"^businesses using social media to promote their business \(advertising\)$", "purpose_marketing_base_not_stated",
     False),
    (r"^businesses using social-media channels for recruitment$", "purpose_recruitment_base_not_stated", False),
    (r"^businesses using social-media channels to communicate with suppliers$", "purpose_partners_base_not_stated",
     False),
    (r"^businesses using social-media channels to communicate with customers$",
     "purpose_customer_contact_base_not_stated", False),
    (r"^businesses using social-media channels for staff communications$", "purpose_internal_base_not_stated", False),
    # Intensity among account holders.
    (r"^social-network-account holders posting or updating their account every day$",
     "posting_daily_among_social_network_users", False),
    (r"^social-network-account holders posting or updating their account at least once a week",
     "posting_weekly_among_social_network_users", False),
    (r"on social media every day$", "social_media_daily_use", False),
    # Plans, attitudes and strategies: not adoption rates.
    (r"concrete plans to start on social-media|planning to become active on social-media", "social_media_planned",
     False),
    (r"no interest in social-media", "attitude_no_interest", False),
    (r"seeing potential in social-media tools but not yet using them", "attitude_potential_not_yet_used", False),
    (r"rating social-media sites as not useful$", "attitude_not_useful", False),
    (r"rating social-media sites as useless$", "attitude_useless", False),
    (r"rating social-media sites as very useful$", "attitude_very_useful", False),
    (r"rating social-media channels vital", "attitude_vital", False),
    (r"benefit of social-media work greater than the effort", "attitude_benefit_exceeds_effort", False),
    (r"running social-media monitoring", "social_media_monitoring", False),
    (r"without a social-media strategy", "no_social_media_strategy", False),
    (r"with a written social-media strategy", "social_media_strategy_written", False),
    # Tools among social-media users, and kinds of platform the catalogue has no platform code for.
    (r"^share of social-media-using companies using microblogging", "microblogs_among_social_media_users", False),
    (r"^share of social-media-using enterprises using [Ww]iki", "wikis_among_social_media_users", False),
    (r"profile on messaging apps", "messaging_apps", False),
    (r"profile on image-sharing platforms", "image_sharing_platforms", False),
    (r"^companies registered on local platforms", "platform_use", False),
    (r"operating a business blog or SNS", "blogs_or_social_networks", False),
    (r"no own online presence", "no_online_presence", False),
    (r"social-media site but no website", "social_media_without_website", False),
    (r"^SMEs without a website$", "no_website", False),
    (r"using social media for marketing$", "social_media_marketing", False),
    # The headline of Banesto/Cink 2011 ("la mitad de las pymes ... presente en las redes sociales"): presence,
    # worded by the source as communicating with customers.
    (r"^SMEs using some social network to communicate with current and potential customers$", "social_networks",
     False),
    (r"connecting to " + PLATFORM + r" at least once a day$", "platform_daily_use", True),
    (r"connecting to " + PLATFORM + r" at least once a week$", "platform_weekly_use", True),
    (r"^social-tool-using firms using " + PLATFORM + r"$", "platform_use_among_social_tool_users", True),
    (r"active on " + PLATFORM + r"(?: \(weighted B2B/B2C average\))?$", "platform_use", True),
    (r"^share of social-media-using enterprises using multimedia", "multimedia_among_social_media_users", False),
    (r"^share of social-media-using enterprises using blogs", "blogs_among_social_media_users", False),
    (r"^social-media-using .* exchanging information inside the firm", "internal_exchange_among_social_media_users",
     False),
    (r"with internet access using social media", "social_media_among_internet_users", False),
    (r"more than one social media type", "several_social_media_types", False),
    (r"personally inactive or little active", "executives_little_or_not_active", False),
    (r"social tools for commercial or institutional communication", "social_media_for_communication", False),
    (r"business chat / collaboration apps", "business_chat", False),
    (r"enterprise social network in development", "enterprise_social_network_planned", False),
    (r"no enterprise social network and no plans", "no_enterprise_social_network", False),
    (r"not using " + PLATFORM + r"$", "platform_non_use", True),
    (r"regularly using " + PLATFORM + r"$", "platform_regular_use", True),
    (r"^(?:companies present on|firms on|organisations using|respondents using|small businesses using|"
     r"respondents saying their firm has an?) " + PLATFORM + r"(?: account)?$", "platform_use", True),
    (r"video sharing for internal", "internal_video_sharing", False),
    (r"photo sharing for internal", "internal_photo_sharing", False),
    (r"microblogging for internal", "internal_microblogging", False),
    (r"instant messaging internally", "internal_instant_messaging", False),
    (r"Facebook and LinkedIn for some internal use", "internal_use_of_public_networks", False),
    (r"enterprise social network|social networking tools", "enterprise_social_network", False),
    (r"neither a website nor", "no_website_nor_social_media", False),
    (r"both a website and social media", "website_and_social_media", False),
    (r"website links to (?:their )?social media", "website_links_to_social_media", False),
    (r"classic website", "website", False),
    (r"not using social media", "no_social_media", False),
    (r"social-media-using enterprises with a social network profile", "social_networks_among_social_media_users",
     False),
    (r"wiki", "wikis", False),
    (r"(?=.*blogs).*multimedia", "blogs_or_multimedia", False),
    (r"multimedia", "multimedia_sharing", False),
    (r"blogs", "blogs_microblogs", False),
    (r"community management", "community_management", False),
    (r"dedicated to social media", "dedicated_staff", False),
    (r"little or not active", "little_or_not_active", False),
    (r"animating their accounts regularly|actively present", "active_use", False),
    (r"to promote their business|to make themselves known", "promotion", False),
    (r"new customers|new business", "customer_acquisition", False),
    (r"marketing budget", "marketing_budget", False),
    (r"social media marketing", "social_media_marketing", False),
    (r"dirigeants using social networks professionally", "social_networks_professional_use", False),
    (r"social media|social medium", "social_media_any", False),
    (r"social network|account on at least one of", "social_networks", False),
]

RESPONDENTS = {
    "": "unknown",
    "CEO (dirigeant)": "ceo",
    "small business owner or manager": "ceo",
    "CEO / small business owner": "ceo",
    "small business owner": "ceo",
    "CEO/managing director/CFO (P-DG, DG, DAF)": "ceo|finance",
    "marketing (marketeurs)": "marketing",
    "business people (Regus contacts)": "mixed",
    "person in charge of social network management": "other",
    "IT professionals (mostly)": "it",
    "IT managers and CIOs": "it",
    "decision makers (IT)": "it",
    "IT and business decision makers": "mixed",
    "managers": "unknown",
    "entrepreneurs (imprenditori)": "ceo",
    # published-figures-2026.csv
    "communication managers (Kommunikationsverantwortliche)": "communication",
    "people working in or running small businesses": "mixed",
}

BUILT_IN_SCHEMES = {"eurostat_ict": "eurostat_ict", "insee_categories": "fr_lme_2008",
                    "destatis_incl_micro": "eu_2003_361"}
UNBOUNDED_SCHEMES = {"regus_unspecified", "sensis_bands"}
# Schemes SOURCES.md defines with all their classes, shared by the studies that name them.
NAMED_SCHEMES = {
    "statfi_size_bands": ("Statistics Finland size classes (persons employed)",
                          [(10, 19), (20, 49), (50, 99), (100, None)]),
    "spiceworks_bands": ("Spiceworks size classes (employees)", [(1, 99), (100, 499), (500, None)]),
}

# Studies whose rows cover several regions: the region the study is about.
REGIONS = {"CSO_IE_2015": "IE", "NO_DIGITALENORGE": "NO", "CBS_NL": "NL", "EUROSTAT_2017_GNET": "EU28",
           "CSO_IE_2016": "IE", "CSO_IE_2017": "IE", "SCB_2013_WEB": "SE", "EUROSTAT_NEWS_2022_GCT": "EU27_2020",
           # published-figures-2026.csv: the Swedish post's study keeps its region; Grant Thornton's IBR is global
           "HAGSTOFA_2017_SE": "SE", "GRANTTHORNTON_IBR_2011": "WORLD"}

OFFICIAL = {"EUROSTAT_NR_2013", "CSO_IE_2015", "EUROSTAT_NEWS_2020", "EUROSTAT_NEWS_2022", "EUROSTAT_2017_GNET",
            "EUROSTAT_2017_VISIR", "EUROSTAT_SE_DESE", "NO_DIGITALENORGE", "INSEE_IP_2013", "INSEE_IP_1594",
            "INSEE_IR_2018", "INSEE_IP_1982", "DESTATIS_2020", "DESTATIS_2014", "ISTAT_2014", "ISTAT_2014B",
            "ISTAT_2015", "ONS_2014", "ONS_2013", "CBS_NL", "CBS_83590NED", "GUS_2017", "NSI_BG_2015",
            "ONTSI_2017",
            # published-figures-more.csv
            "STATAT_2016", "STATAT_TT_NETZ", "STATAT_TT_SM", "EUROSTAT_NEWS_2020_AT", "STATAT_USP_2023", "CSO_IE_2016",
            "CSO_IE_2017", "INE_PT_2015", "INE_PT_2016", "INE_PT_2017", "STATBEL_2017", "STATBEL_2021",
            "FODECO_BE_KMO", "CBS_2012", "CBS_85183NED", "STATFI_2013", "STATFI_2022", "SCB_2013", "SCB_2013_WEB",
            "HAGSTOFA_2017_SE", "ISTAT_2016", "ONS_2012_OSP", "ONTSI_EPYME_2014", "EUROSTAT_SE_DESE_2024",
            "EUROSTAT_NEWS_2022_GCT",
            # published-figures-2026.csv: the EU ICT usage survey and the surveys run on its methodology
            "EUROSTAT_NR_2013_EL", "EUROSTAT_NEWS_2020_CZ", "CZSO_SAM_2017", "CZSO_IHNED_2016", "DST_NYT_2019",
            "HAGSTOFA_2017", "STATLT_2019", "EUROSTAT_2019_BG_TT", "NSI_BG_2023", "EUROSTAT_2015_TOM",
            "EUROSTAT_SIF_2013", "CBS_NL_2016", "INE_ES_TIC_2019", "INE_ES_TIC_2021", "INE_ES_TIC_2024",
            "INE_PT_2016_PRN", "INE_PT_PUBLICO", "TUIK_2017_SM", "RZS_RS_2018", "ISTAT_ICT_2021"}
OFFICIAL_NOTE = ("Method coded from the Eurostat ICT usage in enterprises survey methodology: stratified random"
                 " samples from business registers, results weighted to the population.")
# (mode, sampling, weighting) where the collected text states them; the reason is in the row notes or population.
METHODS = {
    "BPIFRANCE_LAB_2018": ("mail", "unknown", "unknown"),
    "OPINIONWAY_CORPCOM_2015": ("telephone", "unknown", "unknown"),
    "CCI_LOIRET_2010": ("telephone", "unknown", "unknown"),
    "VIADEO_2013": ("online", "convenience", "unknown"),
    "DEDICATED_UCM_2011": ("online", "unknown", "unknown"),
    "FT_REDES_2015": ("telephone", "unknown", "unknown"),
    "AMEX_OPEN_2011": ("telephone", "unknown", "unknown"),
    "WSJ_VISTAGE_2013": ("unknown", "convenience", "unknown"),
    "MANTA_2013": ("online", "convenience", "unknown"),
    "VERTICALRESPONSE_2012": ("unknown", "convenience", "unknown"),
    "REGUS_2010": ("unknown", "convenience", "unknown"),
    # published-figures-more.csv
    "INSITES_2012": ("online", "unknown", "unknown"),
    "HARRIS_MS_ESN_2012": ("online", "unknown", "unknown"),
    "SPICEWORKS_CHAT_2018": ("unknown", "convenience", "unknown"),
    "ISTAT_CENSUS_2011": ("unknown", "probability", "unknown"),
    # published-figures-2026.csv (the row notes and population say so)
    "BANESTO_CINK_2011": ("online", "panel", "unknown"),  # online fieldwork by the Netquest panel
    "CFIB_DIGITAL_2016": ("unknown", "convenience", "unknown"),  # a survey of the federation's members
    "FPB_REFERENDUM_2010": ("unknown", "convenience", "unknown"),  # member ballot, self-selected respondents
    "PEOPLEPERHOUR_2012": ("unknown", "convenience", "unknown"),  # recruited through the freelancing platform
    "CLUTCH_SMB_2018": ("online", "panel", "unknown"),  # online panel survey
    "SENSIS_AU_2017": ("telephone", "unknown", "unknown"),  # telephone interviews
    "YELLOW_AU_2018": ("telephone", "unknown", "unknown"),
    "GRANTTHORNTON_IBR_2011": ("mixed", "unknown", "unknown"),  # mainly telephone interviews
    "BERNET_ZHAW_2016": ("online", "unknown", "unknown"),  # online questionnaire
    "MIC_JP_2016": ("mail", "probability", "unknown"),  # stratified random sample, mail questionnaire
    "MIC_JP_2018": ("mail", "probability", "unknown"),
    "MIC_JP_2008": ("mail", "probability", "unknown"),
}
CENSUS_NOTE = "Istat's 2011 industry and services census, coded as a probability design (every unit in scope)."
# Sectors, where the population text names NACE sections.
SECTORS = {"CBS_83590NED": "C-N|Q", "CBS_85183NED": "C-N|Q"}
# Figures of a subgroup the wording names, which the row's population column does not.
SUBGROUPS = {"B2B companies active on Facebook": "B2B companies", "B2C companies active on Facebook": "B2C companies",
             # published-figures-2026.csv: splits by firm age and by owner, not by size
             "small businesses using social media, by firm age: in business less than 5 years":
                 "small businesses in business less than 5 years",
             "small businesses using social media, by firm age: in business 10 years or more":
                 "small businesses in business 10 years or more",
             "women-owned small businesses using social media for marketing": "women-owned small businesses",
             "men-owned small businesses using social media for marketing": "men-owned small businesses",
             "millennial-owned small businesses using social media": "millennial-owned small businesses",
             "small businesses owned by older generations using social media":
                 "small businesses owned by older generations"}
# Size classes by another measure than headcount (Japan's MIC by capital): no employee band on the figure, the class
# kept as the study names it. The study's coverage stays the headcount its population states (100+ employees).
NOT_HEADCOUNT = re.compile(r"^capital ")


def read(name):
    with open(os.path.join(ORIGINAL, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def read_both(name):
    """A file and its "-more" continuation, same columns."""
    return read(name + ".csv") + read(name + "-more.csv")


def read_figures():
    """The published figures: the first file, its "-more" continuation and the 2026 additions, same columns."""
    return read_both("published-figures") + read("published-figures-2026.csv")


def write(name, columns, rows):
    with open(os.path.join(BUNDLED, name), "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(columns)
        for row in rows:
            out.writerow([guard(row.get(c, "").strip()) for c in columns])


def guard(text):
    """The writer's formula guard (see Cells.guard)."""
    return "'" + text if text and (text[0] in "=+-@\t\r'") else text


def percent(text):
    value = decimal.Decimal(text).normalize()
    return format(value, "f") + "%"


def iso(region):
    """Eurostat's EL and UK are written as their ISO codes, as the reader canonicalises them."""
    return {"EL": "GR", "UK": "GB"}.get(region, region)


def most_common(values):
    return collections.Counter(values).most_common(1)[0][0]


def indicator(wording):
    for pattern, code, names_platform in INDICATOR_RULES:
        m = re.search(pattern, wording)
        if m:
            return code, PLATFORMS[m.group(1).lower()] if names_platform else ""
    raise SystemExit("no indicator rule for: " + wording)


# Rows whose population column, not their wording, says the share is of a narrower set of firms.
CONDITIONAL = {("INSEE_IP_1982", "microentreprises using the Internet"): "social_media_among_internet_users"}
# Rows whose population, or whose note, gives the base the wording leaves out: (source, wording's code, start of the
# population or of the notes) -> suffix of the code.
BASES = [
    # CEFRIO NetPME 2011: "base = SMEs connected to the Internet" (population and notes)
    ("CEFRIO_NETPME_2011", "purpose_marketing", "Canadian SMEs connected to the Internet", "_among_internet_users"),
    ("CEFRIO_NETPME_2011", "purpose_internal", "Canadian SMEs connected to the Internet", "_among_internet_users"),
    ("CEFRIO_NETPME_2011", "purpose_partners", "Canadian SMEs connected to the Internet", "_among_internet_users"),
    # FPB: "Only 7% of respondents who use social media described it as very useful" (notes)
    ("FPB_REFERENDUM_2010", "attitude_very_useful", "'Only 7% of respondents who use social media",
     "_among_social_media_users"),
]


def code(row):
    """The row's indicator code: from its wording, unless its population or note makes it a conditional share."""
    if (row["source_id"], row["population"]) in CONDITIONAL:
        return CONDITIONAL[(row["source_id"], row["population"])]
    wording = indicator(row["indicator"])[0]
    for sid, base_code, start, suffix in BASES:
        if row["source_id"] == sid and wording == base_code and (row["population"].startswith(start)
                                                                 or row["notes"].startswith(start)):
            return wording + suffix
    if wording in {c for _, c, _, _ in BASES}:
        raise SystemExit("no base for: %s %s" % (row["source_id"], row["indicator"]))
    return wording


def band(row):
    """The row's employee band, None if it gives none or its class is not a headcount."""
    if NOT_HEADCOUNT.match(row["size_class"]):
        return None
    return headcount(row)


def headcount(row):
    """The employee bounds the row gives, whatever its class."""
    if not row["employees_min"]:
        return None
    return int(row["employees_min"]), int(row["employees_max"]) if row["employees_max"] else None


def contains(outer, inner):
    return outer[0] <= inner[0] and (outer[1] is None or (inner[1] is not None and inner[1] <= outer[1]))


def band_code(b):
    return ("b%d_plus" % b[0]) if b[1] is None else ("b%d_%d" % b)


def convert_figures():
    by_source = collections.OrderedDict()
    for row in read_figures():
        by_source.setdefault(row["source_id"], []).append(row)
    studies, observations, schemes = [], [], []
    for sid, rows in by_source.items():
        title = most_common(r["title"] for r in rows)
        publisher = most_common(r["publisher"] for r in rows)
        # A conditional share's population is its denominator, not the study's.
        population = most_common(r["population"] for r in rows if "_among_" not in code(r)) \
            if any("_among_" not in code(r) for r in rows) else most_common(r["population"] for r in rows)
        countries = [r["country"] for r in rows]
        region = REGIONS[sid] if sid in REGIONS else countries[0] if len(set(countries)) == 1 else \
            next(c for c in countries if c.startswith("EU"))
        years = sorted({int(r["year"]) for r in rows if r["year"]})
        bands = [band(r) for r in rows]
        coverage = None
        counted = [headcount(r) for r in rows]
        if all(counted):
            lo = min(b[0] for b in counted)
            hi = None if any(b[1] is None for b in counted) else max(b[1] for b in counted)
            coverage = (lo, hi)
        scheme_key = rows[0]["size_class_scheme"]
        if scheme_key in BUILT_IN_SCHEMES:
            scheme = BUILT_IN_SCHEMES[scheme_key]
        elif scheme_key in NAMED_SCHEMES:
            scheme = scheme_key
            name, classes = NAMED_SCHEMES[scheme_key]
            for b in classes if not any(s["scheme_id"] == scheme for s in schemes) else []:
                label = "%d+" % b[0] if b[1] is None else "%d-%d" % b
                schemes.append({"scheme_id": scheme, "scheme_name": name, "class_code": band_code(b),
                                "class_label": label, "size_min": str(b[0]), "size_max": "" if b[1] is None else str(b[1]),
                                "notes": "As defined in the sources' SOURCES.md."})
        elif scheme_key in UNBOUNDED_SCHEMES or not any(bands):
            scheme = "not_stated"
        else:
            scheme = sid.lower()
            labelled = {}
            for r, b in zip(rows, bands):
                if b:
                    labelled.setdefault(b, r["size_class"])
            finest = [b for b in labelled if not any(o != b and contains(b, o) for o in labelled)]
            for b in sorted(finest, key=lambda b: b[0]):
                schemes.append({"scheme_id": scheme, "scheme_name": "Size classes reported by " + sid,
                                "class_code": band_code(b), "class_label": labelled[b],
                                "size_min": str(b[0]), "size_max": "" if b[1] is None else str(b[1]),
                                "notes": "Classes as the study reports them; it may define others."})
        published_functions = list(dict.fromkeys(r["respondent_function"] for r in rows))
        codes = {RESPONDENTS[f] for f in published_functions}
        assert len(codes) == 1, sid
        published_function = " / ".join(published_functions)
        sizes = [int(r["sample_size"]) for r in rows if r["sample_size"]]
        mode, sampling, weighting = ("unknown", "probability", "weighted") if sid in OFFICIAL \
            else METHODS.get(sid, ("unknown", "unknown", "unknown"))
        notes = []
        if published_function:
            notes.append("Respondents as published: " + published_function + ".")
        if sid in OFFICIAL:
            notes.append(OFFICIAL_NOTE)
        if sid == "ISTAT_CENSUS_2011":
            notes.append(CENSUS_NOTE)
        if scheme_key == "destatis_incl_micro":
            notes.append("Destatis size classes including micro enterprises, the EU 2003/361 bands.")
        studies.append({
            "study_id": sid, "title": title, "publisher": publisher,
            "fieldwork": "" if not years else str(years[0]) if years[0] == years[-1] else "%d-%d" % (years[0], years[-1]),
            "region": iso(region), "population": population, "size_scheme": scheme,
            "size_min": "" if coverage is None else str(coverage[0]),
            "size_max": "" if coverage is None or coverage[1] is None else str(coverage[1]),
            "sectors": SECTORS.get(sid, ""), "sample_size": str(max(sizes)) if sizes else "",
            "respondents": codes.pop(), "mode": mode, "sampling": sampling,
            "weighting": weighting, "sources": " | ".join(dict.fromkeys(r["url"] for r in rows)),
            "notes": " ".join(notes)})
        for r, b in zip(rows, bands):
            platform = indicator(r["indicator"])[1]
            prefix = ""
            if r["publisher"] != publisher or r["title"] != title:
                prefix = "Reported by %s, '%s'. " % (r["publisher"], r["title"])
            observations.append({
                "study_id": sid, "indicator": code(r), "wording": r["indicator"], "region": iso(r["country"]),
                "year": r["year"], "size_class": r["size_class"],
                "size_min": "" if b is None else str(b[0]),
                "size_max": "" if b is None or b[1] is None else str(b[1]),
                "platform": platform, "scope": r["network_scope"],
                "n": r["sample_size"], "value": percent(r["value_percent"]),
                "denominator": SUBGROUPS.get(r["indicator"], r["population"] if r["population"] != population else ""),
                "source": r["url"], "notes": (prefix + r["notes"]).strip()})
    mark_duplicates(studies, observations)
    write("studies.csv", STUDY_COLUMNS, studies)
    write("observations.csv", OBSERVATION_COLUMNS, observations)
    write("size-schemes.csv", SCHEME_COLUMNS, schemes)
    return len(studies), len(observations)


# Duplicate reports of one statistic: the rule of org.smesurvey.stats.adoption.DuplicateFigures, whose test checks
# that the notes written here name exactly the groups it finds.
DATA_OF = re.compile(r"\(([^();]*?) data\b")
NAME_END = re.compile(r" \(|;|,")


def fold(text):
    """Lower case, without accents or surrounding spaces."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.category(c).startswith("M")) \
        .strip().lower()


def original_publisher(study, o):
    """Who produced the figure's statistic: Eurostat for an EU figure on the ICT survey's concepts, else the producer
    whose data the study's publisher says it reproduces ("(Eurostat data)"), else the publisher's own name."""
    if o["region"].startswith("EU") and o["scope"] == "mixed":
        return "eurostat"
    data = DATA_OF.search(study["publisher"])
    return fold(data.group(1)) if data else fold(NAME_END.split(study["publisher"], 1)[0])


def own_release(study, o):
    publisher = study["publisher"]
    return "reported by" not in publisher.lower() and not DATA_OF.search(publisher) \
        and fold(NAME_END.split(publisher, 1)[0]) == original_publisher(study, o)


def completeness(study):
    """One point for each of fieldwork, sample size, respondents, mode, sampling, weighting, coverage, sectors."""
    return sum([bool(study["fieldwork"]), bool(study["sample_size"]), study["respondents"] != "unknown",
                study["mode"] != "unknown", study["sampling"] != "unknown", study["weighting"] != "unknown",
                bool(study["size_min"]), bool(study.get("sectors"))])


def same_statistic(study, o):
    """What makes figures one statistic; None for a figure without a year."""
    if o["year"]:
        year = int(o["year"])
    elif study["fieldwork"]:
        first, last = study["fieldwork"].split("-")[0], study["fieldwork"].split("-")[-1]
        year = (int(first) + int(last)) // 2
    else:
        return None
    size = (o["size_min"], o["size_max"]) if o["size_min"] else ("", fold(o["size_class"]))
    value = (decimal.Decimal(o["value"].rstrip("%")) / 100).quantize(decimal.Decimal("0.000001"))
    return (o["region"], year, size, o["indicator"], o["platform"], fold(o["wording"]) if o["platform"] == "other"
            else "", o.get("sectors", ""), o["scope"], value, original_publisher(study, o))


def mark_duplicates(studies, observations):
    """Begins the notes of each duplicate figure with the figure kept for its statistic."""
    by_id = {s["study_id"]: s for s in studies}
    groups = collections.OrderedDict()
    for o in observations:
        key = same_statistic(by_id[o["study_id"]], o)
        if key is not None:
            groups.setdefault(key, []).append(o)
    for figures in groups.values():
        if len(figures) < 2:
            continue
        own = [o for o in figures if own_release(by_id[o["study_id"]], o)]
        if len(own) != 1:
            pool = own or figures
            best = max(completeness(by_id[o["study_id"]]) for o in pool)
            own = [o for o in pool if completeness(by_id[o["study_id"]]) == best]
        kept = own[0]
        for o in figures:
            if o is not kept:
                o["notes"] = ("Same statistic as %s (%s). %s" % (kept["study_id"], by_id[kept["study_id"]]["publisher"],
                                                                 o["notes"])).strip()


# Which enterprises each source counts; rows of one source with another scope or year form another population.
POPULATION_SCOPES = {
    "EUROSTAT_NR_201_2015": "non-financial business economy",
    "EUROSTAT_NR_2013_SME": "non-financial business economy",
    "EUROSTAT_SBS_2015": "non-financial business economy",
    "EUROSTAT_SBS_2021": "business economy",
    "EUROSTAT_SBS_2023P": "business economy (preliminary)",
    "INSEE_IP_1321": "enterprises (Insee categories), December 2007",
    "INSEE_TEF_2017": "secteurs marchands non agricoles",
    "INSEE_TEF_2018": "secteurs marchands non agricoles",
    "INSEE_TIC_2015": "sociétés of 10 persons or more in the TIC survey field",
    "US_SUSB_2002": "employer firms, all industries",
    "SBA_FAQ_2009": "US firms",
    "SBA_FAQ_2018": "US firms",
    "SCB_FTG_2016": "privately and foreign-owned firms (AB, HB/KB, sole traders)",
    "ISTAT_CENSUS_2011": "industry and services census",
}
INSEE_EF_2019_SCOPES = [
    ("micro-entrepreneurs included", "_MNA_MICROENTREPRENEURS",
     "secteurs marchands non agricoles et non financiers, micro-entrepreneurs included"),
    ("secteurs principalement marchands", "_PRINCIPALEMENT_MARCHANDS",
     "secteurs principalement marchands non agricoles et non financiers"),
]


def convert_populations():
    rows = []
    for r in read_both("enterprise-populations"):
        pid, scope = r["source_id"], POPULATION_SCOPES.get(r["source_id"])
        if pid == "INSEE_EF_2019":
            suffix, scope = next((s, sc) for key, s, sc in INSEE_EF_2019_SCOPES if key in r["notes"])
            pid += suffix
        if pid == "SBA_FAQ_2009":
            pid += "_" + r["year"]
        rows.append({"population_id": pid, "publisher": r["publisher"], "region": iso(r["country"]), "year": r["year"],
                     "scope": scope, "sectors": "", "size_class": r["size_class"], "size_min": r["employees_min"],
                     "size_max": r["employees_max"], "enterprises": r["enterprises"], "source": r["url"],
                     "notes": r["notes"]})
    rows.extend(destatis_register())
    write("populations.csv", POPULATION_COLUMNS, rows)
    return len(rows)


DESTATIS_BANDS = {"0 bis unter 10 abhängig Beschäftigte": ("0-9", "0", "9"),
                  "10 bis unter 50 abhängig Beschäftigte": ("10-49", "10", "49"),
                  "50 bis unter 250 abhängig Beschäftigte": ("50-249", "50", "249"),
                  "250 und mehr abhängig Beschäftigte": ("250+", "250", "")}


def destatis_register():
    """Destatis' business register: enterprises (EU definition) by NACE section and size class, one population per
    section, each count as published."""
    with open(os.path.join(ORIGINAL, "destatis-52111-0001.csv"), encoding="utf-8-sig", newline="") as f:
        records = list(csv.DictReader(f, delimiter=";"))
    order = ["0-9", "10-49", "50-249", "250+"]
    records.sort(key=lambda r: (r["3_variable_attribute_code"], order.index(DESTATIS_BANDS[r["2_variable_attribute_label"]][0])))
    rows = []
    for r in records:
        section = r["3_variable_attribute_code"].split("-")[1]
        label, low, high = DESTATIS_BANDS[r["2_variable_attribute_label"]]
        rows.append({"population_id": "DESTATIS_URS_%s_%s" % (r["time"], section),
                     "publisher": "Statistisches Bundesamt (Destatis), Unternehmensregister-System",
                     "region": "DE", "year": r["time"],
                     "scope": "Unternehmen (EU), NACE section %s: %s" % (section, r["3_variable_attribute_label"]),
                     "sectors": section,
                     "size_class": r["2_variable_attribute_label"], "size_min": low, "size_max": high,
                     "enterprises": r["value"],
                     "source": "https://www-genesis.destatis.de/genesis/online?operation=table&code=52111-0001",
                     "notes": "GENESIS table 52111-0001; size classes by dependent employees (abhängig Beschäftigte);"
                              " quality flag '%s'" % r["value_q"]})
    return rows


if __name__ == "__main__":
    print("studies, observations:", convert_figures())
    print("population counts:", convert_populations())
