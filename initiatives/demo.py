"""Demo content of the initiatives: the overview, a page per region and a dozen initiatives.

Drawn from the seed text and /work/shared/CONTENT.md. Focus Industry Spets (REACT-EU, Dalarna Science
Park, 2022-02-01 to 2023-10-31), the spare-parts test arena (Sustainable Steel Region), Kompetenskraft
Industri NMS and the two trainings of the seed are public facts, shown with only what is known. The
other initiatives are invented to fill the listing and say so: "Exempel:"/"Example:" in the title and a
note on the page; they name no organisation and no contact, and their dates are set relative to the day
of loading so that planned, running and completed examples stay so. Safe to run again: pages are found
by their Swedish slug, and pages no editor has saved are brought up to date.
"""

import datetime

from django.utils import timezone

from focus_industry.demo.loader import rich, tr

from .models import InitiativeIndexPage, InitiativePage, RegionPage, Status

INDEX = {
    "slug": ("initiativ", "initiatives"),
    "title": ("Regionala initiativ", "Regional initiatives"),
    "intro": (
        "Dalarna, Gävleborg och Värmland driver var för sig och tillsammans initiativ inom de sex "
        "prioriterade insatsområdena. Här ser du vad som planeras, pågår och har genomförts.",
        "Dalarna, Gävleborg and Värmland run initiatives of their own and together within the six "
        "prioritised action areas. Here you can see what is planned, running and completed.",
    ),
    "map_heading": ("Välj region på kartan", "Choose a region on the map"),
}

REGIONS = {
    "dalarna": {
        "intro": (
            "Stål och metall, skog och trä och en stark verkstadsindustri – Dalarnas industri är "
            "tätt sammanvävd med resten av Norra Mellansverige.",
            "Steel and metal, forest and wood and a strong engineering industry: Dalarna's industry is "
            "closely woven together with the rest of North-Middle Sweden.",
        ),
        "body": (
            "<p>I Dalarna finns stora stål- och metallverk, en skogsnäring med sågverk och träindustri och "
            "hundratals små och medelstora verkstadsföretag som är underleverantörer till de stora. "
            "Innovationsstödet samlas bland annat kring Dalarna Science Park i Borlänge.</p>",
            "<p>Dalarna has large steel and metal works, a forest industry with sawmills and wood products, "
            "and hundreds of small and medium-sized engineering firms supplying the large ones. Innovation "
            "support gathers, among other places, around Dalarna Science Park in Borlänge.</p>",
        ),
    },
    "gavleborg": {
        "intro": (
            "Specialstål, massa och papper och en lång kust med hamnar – Gävleborg är en av landets "
            "mest exportberoende industriregioner.",
            "Speciality steel, pulp and paper and a long coast with ports: Gävleborg is one of Sweden's "
            "most export-dependent industrial regions.",
        ),
        "body": (
            "<p>Gävleborgs industri bygger på stål, skog och verkstad, med världsledande företag och en "
            "tät väv av underleverantörer. Sustainable Steel Region samlar stålindustrin, akademin och "
            "det offentliga kring en hållbar och konkurrenskraftig stålregion.</p>",
            "<p>Gävleborg's industry rests on steel, forest and engineering, with world-leading companies and "
            "a dense web of suppliers. Sustainable Steel Region brings together the steel industry, academia "
            "and the public sector for a sustainable and competitive steel region.</p>",
        ),
    },
    "varmland": {
        "intro": (
            "Skog, papper och förpackningar, stål och verkstad – Värmland förädlar skogen och metallen "
            "till produkter för en världsmarknad.",
            "Forest, paper and packaging, steel and engineering: Värmland turns the forest and metal "
            "into products for a world market.",
        ),
        "body": (
            "<p>Värmland har en av Europas tätaste koncentrationer av skogs- och pappersindustri, "
            "specialstål och en växande verkstadsindustri. Karlstads universitet och regionens kluster "
            "arbetar nära företagen med forskning, kompetens och omställning.</p>",
            "<p>Värmland has one of Europe's densest concentrations of forest and paper industry, speciality "
            "steel and a growing engineering industry. Karlstad University and the region's clusters work "
            "closely with the companies on research, skills and the transition.</p>",
        ),
    },
}

EXAMPLE_NOTE = (
    "<p><em>Ett påhittat exempel i demoinnehållet: det visar hur ett initiativ presenteras. "
    "Organisation, datum och kontakter saknas med avsikt.</em></p>",
    "<p><em>An invented example in the demo content: it shows how an initiative is presented. "
    "Organisation, dates and contacts are left out on purpose.</em></p>",
)


def month(offset, last_day=False):
    """The first (or last) day of the month `offset` months from this one: examples keep their status."""
    today = timezone.localdate()
    year, index = divmod(today.month - 1 + offset, 12)
    first = datetime.date(today.year + year, index + 1, 1)
    if not last_day:
        return first
    year, index = divmod(index + 1, 12)
    return datetime.date(first.year + year, index + 1, 1) - datetime.timedelta(days=1)


def example(title, body):
    """An invented initiative says so in its title and at the top of its description."""
    return (
        (f"Exempel: {title[0]}", f"Example: {title[1]}"),
        (EXAMPLE_NOTE[0] + body[0], EXAMPLE_NOTE[1] + body[1]),
    )


# (region, slug_sv, slug_en, title, summary, body, status override, start, end, lead, partners, contact, link,
#  areas, eu_funded). Facts from the seed and CONTENT.md only: where they give no dates, there are none and
# the status is set as an editor would (override); where they give no lead or contact, there is none.
# Invented initiatives are marked as examples (`example`), name no real organisation and have no contact.
def initiatives():
    circular = example(
        ("Cirkulära flöden i stål- och träindustrin", "Circular flows in the steel and wood industries"),
        (
            "<p>En förstudie kartlägger restflöden, möjliga köpare och de tekniska och juridiska hinder som "
            "behöver lösas för cirkulära affärer mellan företagen.</p>",
            "<p>A pre-study maps residual flows, possible buyers and the technical and legal obstacles to "
            "circular business between the companies.</p>",
        ),
    )
    research = example(
        ("Industrinära forskning i Dalarna", "Industry-led research in Dalarna"),
        (
            "<p>Initiativet matchar företagens utvecklingsbehov med forskare och studenter och hjälper till "
            "med ansökningar till nationella och europeiska program.</p>",
            "<p>The initiative matches companies' development needs with researchers and students and helps "
            "with applications to national and European programmes.</p>",
        ),
    )
    export = example(
        ("Exportlyft för underleverantörer", "Export boost for suppliers"),
        (
            "<p>Företagen gör en exportplan, deltar i gemensamma mässbesök och får rådgivning om "
            "marknader, avtal och finansiering.</p>",
            "<p>The companies make an export plan, join shared trade fair visits and get advice on markets, "
            "contracts and financing.</p>",
        ),
    )
    climate = example(
        ("Klimatkliv i verkstadsindustrin", "Climate step for the engineering industry"),
        (
            "<p>Initiativet erbjuder klimatberäkning, energikartläggning och stöd att söka investeringsstöd "
            "för åtgärderna.</p>",
            "<p>The initiative offers carbon accounting, energy audits and support in applying for "
            "investment aid for the measures.</p>",
        ),
    )
    international = example(
        ("Internationell samverkan inom skog och stål", "International collaboration in forest and steel"),
        (
            "<p>Initiativet bygger partnerskap med kluster i andra europeiska regioner och hjälper små "
            "företag att delta i internationella projekt och leverantörskedjor.</p>",
            "<p>The initiative builds partnerships with clusters in other European regions and helps small "
            "firms take part in international projects and supply chains.</p>",
        ),
    )
    heat = example(
        ("Fossilfri processvärme i pappersindustrin", "Fossil-free process heat in the paper industry"),
        (
            "<p>Pilotförsök i full skala följs av forskare, och resultaten delas med andra företag i "
            "regionen genom öppna seminarier.</p>",
            "<p>Full-scale pilot trials are followed by researchers, and the results are shared with other "
            "firms in the region through open seminars.</p>",
        ),
    )
    digital = example(
        ("Digitaliseringslyft för små industriföretag", "Digital boost for small manufacturers"),
        (
            "<p>En digital mognadsanalys följs av en handlingsplan och stöd att genomföra de första stegen.</p>",
            "<p>A digital maturity analysis is followed by an action plan and support to take the first steps.</p>",
        ),
    )
    none = ("", "")
    return [
        (
            "dalarna",
            "focus-industry-spets",
            "focus-industry-spets",
            ("Focus Industry Spets", "Focus Industry Spets"),
            (
                "Ett EU-finansierat projekt (REACT-EU) som stärkte innovationsförmågan i industrins små och "
                "medelstora företag i Dalarna, Gävleborg och Värmland.",
                "An EU-funded project (REACT-EU) that strengthened the innovation capacity of industry's small "
                "and medium-sized firms in Dalarna, Gävleborg and Värmland.",
            ),
            (
                "<p>Focus Industry Spets samlade regionernas innovationsfrämjare kring gemensamma insatser för "
                "industrins omställning. Projektet leddes av Dalarna Science Park, finansierades av EU genom "
                "REACT-EU och pågick från februari 2022 till oktober 2023. Erfarenheterna lever vidare i Focus "
                "Industry.</p>",
                "<p>Focus Industry Spets brought the regions' innovation promoters together around joint work "
                "for industry's transformation. The project was led by Dalarna Science Park, funded by the EU "
                "through REACT-EU and ran from February 2022 to October 2023. Its lessons live on in Focus "
                "Industry.</p>",
            ),
            "",
            datetime.date(2022, 2, 1),
            datetime.date(2023, 10, 31),
            "Dalarna Science Park",
            none,
            none,
            "",
            ["innovation", "research"],
            True,
        ),
        (
            "dalarna",
            "tjanstedriven-affarsutveckling",
            "service-driven-business-development",
            ("Utbildning i tjänstedriven affärsutveckling", "Training in service-driven business development"),
            (
                "Företagsfrämjare i Värmland, Dalarna och Gävleborg har ordnat utbildningar i tjänstedriven "
                "affärsutveckling: värdeskapande erbjudanden med kundens behov i fokus.",
                "Business promoters in Värmland, Dalarna and Gävleborg have organised training courses in "
                "service-driven business development: value-adding offers with the customer's needs in focus.",
            ),
            (
                "<p>Enkelt uttryckt handlar utbildningen om att öka företagens lönsamhet genom att utveckla "
                "värdeskapande erbjudanden med kundens behov i fokus. Läs mer i framgångsexemplet om "
                "utbildningen.</p>",
                "<p>In simple terms, the training is about increasing companies' profitability by developing "
                "value-adding offers with the customer's needs in focus. Read more in the success story about "
                "the training.</p>",
            ),
            Status.COMPLETED,
            None,
            None,
            "",
            (
                "Företagsfrämjare i Värmland, Dalarna och Gävleborg",
                "Business promoters in Värmland, Dalarna and Gävleborg",
            ),
            none,
            "",
            ["innovation"],
            False,
        ),
        (
            "dalarna",
            "industrinara-forskning-dalarna",
            "industry-led-research-dalarna",
            research[0],
            (
                "Små och medelstora företag får hjälp att formulera forskningsfrågor och hitta partner i "
                "akademin för gemensamma utvecklingsprojekt.",
                "Small and medium-sized firms get help to frame research questions and find academic partners "
                "for joint development projects.",
            ),
            research[1],
            "",
            month(-9),
            month(15, last_day=True),
            "",
            none,
            none,
            "",
            ["research", "innovation"],
            False,
        ),
        (
            "dalarna",
            "cirkulara-flodet-stal-och-tra",
            "circular-flows-steel-and-wood",
            circular[0],
            (
                "Restflöden från stålverk och sågverk ska bli råvara för nya produkter hos regionens mindre företag.",
                "Residual flows from steelworks and sawmills are to become raw material for new products in the "
                "region's smaller firms.",
            ),
            circular[1],
            "",
            month(4),
            month(15, last_day=True),
            "",
            none,
            none,
            "",
            ["low-carbon"],
            False,
        ),
        (
            "gavleborg",
            "testarena-reservdelar",
            "spare-parts-test-arena",
            ("Testarena för kritiska reservdelar", "Test arena for critical spare parts"),
            (
                "En långsiktig satsning på att säkra industrins tillgång till kritiska reservdelar och "
                "komponenter och minska risken för störningar i försörjningskedjorna.",
                "A long-term effort to secure industry's access to critical spare parts and components and "
                "reduce the risk of supply chain disruptions.",
            ),
            (
                "<p>Testarenan leds av Sustainable Steel Region. Målet är att bidra till en konkurrenskraftig "
                "industri genom att minska risken för störningar i försörjningskedjorna.</p>",
                "<p>The test arena is led by Sustainable Steel Region. The aim is to contribute to a competitive "
                "industry by reducing the risk of supply chain disruptions.</p>",
            ),
            Status.RUNNING,
            None,
            None,
            "Sustainable Steel Region",
            none,
            none,
            "",
            ["supply-chains", "innovation"],
            False,
        ),
        (
            "gavleborg",
            "kompetenskraft-industri-nms",
            "kompetenskraft-industri-nms",
            ("Kompetenskraft Industri NMS", "Kompetenskraft Industri NMS"),
            (
                "Regionernas gemensamma arbete för att matcha industrins kompetensbehov med utbildning och "
                "arbetskraft i Norra Mellansverige.",
                "The regions' joint work to match industry's skills needs with training and labour supply in "
                "North-Middle Sweden.",
            ),
            (
                "<p>Arbetet med industrins kompetensförsörjning i Norra Mellansverige sker inom Kompetenskraft "
                "Industri NMS. Stegen framåt handlar om system som matchar kompetensbehov och utbildning, och om "
                "nya sätt att locka och behålla fler kvinnor, unga och utrikes födda i industrin.</p>",
                "<p>The work on industry's skills supply in North-Middle Sweden runs under Kompetenskraft "
                "Industri NMS. The steps forward are about systems that match skills needs and training, and new "
                "ways to attract and keep more women, young people and people born abroad in industry.</p>",
            ),
            Status.RUNNING,
            None,
            None,
            "",
            ("Region Dalarna\nRegion Gävleborg\nRegion Värmland", "Region Dalarna\nRegion Gävleborg\nRegion Värmland"),
            none,
            "",
            ["skills"],
            False,
        ),
        (
            "gavleborg",
            "exportlyft-gavleborg",
            "export-boost-gavleborg",
            export[0],
            (
                "Underleverantörer till stål- och pappersindustrin får stöd att nå kunder utanför Sverige.",
                "Suppliers to the steel and paper industries get support to reach customers outside Sweden.",
            ),
            export[1],
            "",
            month(-10),
            month(6, last_day=True),
            "",
            none,
            none,
            "",
            ["internationalisation"],
            False,
        ),
        (
            "gavleborg",
            "klimatkliv-verkstadsindustrin",
            "climate-step-engineering-industry",
            climate[0],
            (
                "Små verkstadsföretag mäter sin klimatpåverkan och tar fram en plan för att minska den.",
                "Small engineering firms measure their climate impact and make a plan to reduce it.",
            ),
            climate[1],
            "",
            month(6),
            None,
            "",
            none,
            none,
            "",
            ["low-carbon"],
            False,
        ),
        (
            "varmland",
            "vuxenutbildning-sagverksoperatorer",
            "adult-training-sawmill-operators",
            ("Vuxenutbildning för sågverksoperatörer", "Adult training for sawmill operators"),
            (
                "En ny yrkesutbildning för vuxna ska möta sågverkens behov av operatörer och trygga "
                "kompetensförsörjningen i skogsindustrin.",
                "A new vocational programme for adults is to meet the sawmills' need for operators and secure the "
                "skills supply of the forest industry.",
            ),
            (
                "<p>Utbildningen är ett av flera initiativ i Norra Mellansverige för att säkra industrins behov av "
                "kompetens och arbetskraft. Läs mer i framgångsexemplet om kompetensförsörjningen.</p>",
                "<p>The programme is one of several initiatives in North-Middle Sweden to secure industry's need "
                "for skills and manpower. Read more in the success story about the skills supply.</p>",
            ),
            Status.RUNNING,
            None,
            None,
            "",
            none,
            none,
            "",
            ["skills"],
            False,
        ),
        (
            "varmland",
            "internationell-samverkan-skog-och-stal",
            "international-collaboration-forest-and-steel",
            international[0],
            (
                "Företag inom papper, trä och stål formar gemensamt nya erbjudanden för en global marknad.",
                "Firms in paper, wood and steel jointly shape new offers for a global market.",
            ),
            international[1],
            "",
            month(-20),
            month(-2, last_day=True),
            "",
            none,
            none,
            "",
            ["internationalisation", "supply-chains"],
            False,
        ),
        (
            "varmland",
            "fossilfri-processvarme",
            "fossil-free-process-heat",
            heat[0],
            (
                "Forskare och bruk testar tillsammans tekniker som ersätter fossila bränslen i "
                "pappersindustrins processer.",
                "Researchers and mills test together technologies that replace fossil fuels in the paper "
                "industry's processes.",
            ),
            heat[1],
            "",
            month(-12),
            month(24, last_day=True),
            "",
            none,
            none,
            "",
            ["low-carbon", "research"],
            False,
        ),
        (
            "varmland",
            "digitaliseringslyft-sma-industriforetag",
            "digital-boost-small-manufacturers",
            digital[0],
            (
                "Små industriföretag får hjälp att komma igång med digitala verktyg i produktion och försäljning.",
                "Small manufacturers get help to start using digital tools in production and sales.",
            ),
            digital[1],
            "",
            month(3),
            month(27, last_day=True),
            "",
            none,
            none,
            "",
            ["innovation"],
            False,
        ),
    ]


def load(context):
    home = context.home
    index_page = context.page(
        home,
        InitiativeIndexPage,
        INDEX["slug"][0],
        slug_en=INDEX["slug"][1],
        show_in_menus=True,
        **tr(title=INDEX["title"], intro=INDEX["intro"], map_heading=INDEX["map_heading"]),
    )
    regions = context.regions
    areas = context.areas
    region_pages = {}
    for slug, data in REGIONS.items():
        region = regions[slug]
        region_pages[slug] = context.page(
            index_page,
            RegionPage,
            slug,
            slug_en=slug,
            region=region,
            title_sv=region.name_sv,
            title_en=region.name_en,
            intro_sv=data["intro"][0],
            intro_en=data["intro"][1],
            body_sv=rich(data["body"][0]),
            body_en=rich(data["body"][1]),
        )
    for (
        region_slug,
        slug_sv,
        slug_en,
        title,
        summary,
        body,
        status_override,
        start,
        end,
        lead,
        partners,
        contact,
        link,
        area_slugs,
        eu_funded,
    ) in initiatives():
        parent = region_pages[region_slug]
        image = context.image(
            f"Initiativ: {title[0]}", key=f"initiative-{slug_sv}", motif="wood" if "sag" in slug_sv else "industry"
        )
        context.page(
            parent,
            InitiativePage,
            slug_sv,
            slug_en=slug_en,
            **tr(title=title, summary=summary, partners=partners),
            description_sv=rich(body[0]),
            description_en=rich(body[1]),
            status_override=status_override,
            start_date=start,
            end_date=end,
            lead_organisation=lead,
            contact_name=contact[0],
            contact_email=contact[1],
            link=link,
            eu_funded=eu_funded,
            image=image,
            image_alt_sv="Tecknat industrilandskap i skymning",
            image_alt_en="Drawn industrial landscape at dusk",
            action_areas=[areas[key] for key in area_slugs],
        )
