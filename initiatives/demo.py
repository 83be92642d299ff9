"""Demo content of the initiatives: the overview, a page per region and a dozen initiatives.

Drawn from the seed text and /work/shared/CONTENT.md. Focus Industry Spets (REACT-EU, Dalarna Science
Park, 2022-02-01 to 2023-10-31), the spare-parts test arena (Sustainable Steel Region) and Kompetenskraft
Industri NMS are public facts; other organisations, dates and contacts are plausible DEMO CONTENT
(see docs/initiatives.md). Contacts use example.org addresses. Safe to run again: pages are found by
their Swedish slug.
"""

import datetime

from focus_industry.demo.loader import rich, tr

from .models import InitiativeIndexPage, InitiativePage, RegionPage, Status

INDEX = {
    "slug": ("initiativ", "initiatives"),
    "title": ("Regionala initiativ", "Regional initiatives"),
    "intro": (
        "Dalarna, Gävleborg och Värmland driver var för sig och tillsammans initiativ inom de sex "
        "prioriterade åtgärdsområdena. Här ser du vad som planeras, pågår och har genomförts.",
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

# (region, slug_sv, slug_en, title, summary, body, status, start, end, lead, partners, contact, link, areas)
INITIATIVES = [
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
            "industrins omställning: behovsanalyser i företagen, kunskapsdelning och stöd till nya "
            "affärsmodeller. Projektet avslutades i oktober 2023 och erfarenheterna lever vidare i Focus "
            "Industry.</p>",
            "<p>Focus Industry Spets brought the regions' innovation promoters together around joint work "
            "for industry's transformation: needs analyses in companies, knowledge sharing and support for "
            "new business models. The project ended in October 2023 and its lessons live on in Focus "
            "Industry.</p>",
        ),
        Status.COMPLETED,
        datetime.date(2022, 2, 1),
        datetime.date(2023, 10, 31),
        "Dalarna Science Park",
        ("Region Dalarna\nRegion Gävleborg\nRegion Värmland", "Region Dalarna\nRegion Gävleborg\nRegion Värmland"),
        ("", "spets@example.org"),
        "",
        ["innovation", "research"],
    ),
    (
        "dalarna",
        "tjanstedriven-affarsutveckling",
        "service-driven-business-development",
        ("Utbildning i tjänstedriven affärsutveckling", "Training in service-driven business development"),
        (
            "Företagsfrämjare i de tre regionerna utbildar industriföretag i att utveckla värdeskapande "
            "tjänster med kundens behov i fokus.",
            "Business promoters in the three regions train industrial firms to develop value-adding "
            "services with the customer's needs in focus.",
        ),
        (
            "<p>Utbildningen ger företagen verktyg för att gå från produkt till erbjudande: kartlägga "
            "kundens behov, prissätta tjänster och bygga nya intäktsmodeller. Deltagarna arbetar med sitt "
            "eget företags case mellan träffarna.</p>",
            "<p>The training gives companies tools to move from product to offer: mapping the customer's "
            "needs, pricing services and building new revenue models. Participants work on their own "
            "company's case between sessions.</p>",
        ),
        Status.COMPLETED,
        datetime.date(2023, 1, 15),
        datetime.date(2024, 6, 30),
        "Dalarna Science Park",
        (
            "Företagsfrämjare i Gävleborg och Värmland",
            "Business promoters in Gävleborg and Värmland",
        ),
        ("", "tjanster@example.org"),
        "",
        ["innovation"],
    ),
    (
        "dalarna",
        "industrinara-forskning-dalarna",
        "industry-led-research-dalarna",
        ("Industrinära forskning i Dalarna", "Industry-led research in Dalarna"),
        (
            "Små och medelstora företag får hjälp att formulera forskningsfrågor och hitta partner i "
            "akademin för gemensamma utvecklingsprojekt.",
            "Small and medium-sized firms get help to frame research questions and find academic partners "
            "for joint development projects.",
        ),
        (
            "<p>Initiativet matchar företagens utvecklingsbehov med forskare och studenter och hjälper till "
            "med ansökningar till nationella och europeiska program.</p>",
            "<p>The initiative matches companies' development needs with researchers and students and helps "
            "with applications to national and European programmes.</p>",
        ),
        Status.RUNNING,
        datetime.date(2024, 3, 1),
        datetime.date(2026, 12, 31),
        "Högskolan Dalarna",
        ("Dalarna Science Park", "Dalarna Science Park"),
        ("", "forskning@example.org"),
        "",
        ["research", "innovation"],
    ),
    (
        "dalarna",
        "cirkulara-flodet-stal-och-tra",
        "circular-flows-steel-and-wood",
        ("Cirkulära flöden i stål- och träindustrin", "Circular flows in the steel and wood industries"),
        (
            "Restflöden från stålverk och sågverk ska bli råvara för nya produkter hos regionens mindre företag.",
            "Residual flows from steelworks and sawmills are to become raw material for new products in the "
            "region's smaller firms.",
        ),
        (
            "<p>En förstudie kartlägger restflöden, möjliga köpare och de tekniska och juridiska hinder som "
            "behöver lösas för cirkulära affärer mellan företagen.</p>",
            "<p>A pre-study maps residual flows, possible buyers and the technical and legal obstacles to "
            "circular business between the companies.</p>",
        ),
        Status.PLANNED,
        datetime.date(2026, 9, 1),
        datetime.date(2027, 8, 31),
        "Region Dalarna",
        ("", ""),
        ("", ""),
        "",
        ["low-carbon"],
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
            "<p>I testarenan provas nya sätt att ta fram reservdelar nära industrin: additiv tillverkning, "
            "reverse engineering och delade lager mellan företag. Målet är en konkurrenskraftig industri som "
            "står stadigt när globala leveranser sviktar.</p>",
            "<p>The test arena tries out new ways of producing spare parts close to industry: additive "
            "manufacturing, reverse engineering and stocks shared between companies. The aim is a "
            "competitive industry that stands firm when global deliveries falter.</p>",
        ),
        Status.RUNNING,
        datetime.date(2024, 1, 1),
        datetime.date(2026, 12, 31),
        "Sustainable Steel Region",
        ("Industriföretag i Gävleborg och Dalarna", "Industrial companies in Gävleborg and Dalarna"),
        ("", "testarena@example.org"),
        "",
        ["supply-chains", "innovation"],
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
            "<p>Kompetenskraft Industri NMS samlar branschen, utbildningsanordnare och det offentliga för att "
            "ta fram gemensamma kompetensbehovsanalyser, nya utbildningsvägar och insatser för att locka "
            "fler kvinnor, unga och utrikes födda till industrin.</p>",
            "<p>Kompetenskraft Industri NMS brings together the industry, training providers and the public "
            "sector to produce shared skills needs analyses, new training paths and efforts to attract more "
            "women, young people and people born abroad to industry.</p>",
        ),
        Status.RUNNING,
        datetime.date(2023, 9, 1),
        datetime.date(2026, 8, 31),
        "Region Gävleborg",
        ("Region Dalarna\nRegion Värmland", "Region Dalarna\nRegion Värmland"),
        ("", "kompetens@example.org"),
        "",
        ["skills"],
    ),
    (
        "gavleborg",
        "exportlyft-gavleborg",
        "export-boost-gavleborg",
        ("Exportlyft för underleverantörer", "Export boost for suppliers"),
        (
            "Underleverantörer till stål- och pappersindustrin får stöd att nå kunder utanför Sverige.",
            "Suppliers to the steel and paper industries get support to reach customers outside Sweden.",
        ),
        (
            "<p>Företagen gör en exportplan, deltar i gemensamma mässbesök och får rådgivning om "
            "marknader, avtal och finansiering.</p>",
            "<p>The companies make an export plan, join shared trade fair visits and get advice on markets, "
            "contracts and financing.</p>",
        ),
        Status.RUNNING,
        datetime.date(2025, 2, 1),
        datetime.date(2026, 6, 30),
        "Region Gävleborg",
        ("Business Sweden", "Business Sweden"),
        ("", "export@example.org"),
        "",
        ["internationalisation"],
    ),
    (
        "gavleborg",
        "klimatkliv-verkstadsindustrin",
        "climate-step-engineering-industry",
        ("Klimatkliv i verkstadsindustrin", "Climate step for the engineering industry"),
        (
            "Små verkstadsföretag mäter sin klimatpåverkan och tar fram en plan för att minska den.",
            "Small engineering firms measure their climate impact and make a plan to reduce it.",
        ),
        (
            "<p>Initiativet erbjuder klimatberäkning, energikartläggning och stöd att söka investeringsstöd "
            "för åtgärderna.</p>",
            "<p>The initiative offers carbon accounting, energy audits and support in applying for "
            "investment aid for the measures.</p>",
        ),
        Status.PLANNED,
        datetime.date(2026, 10, 1),
        None,
        "Region Gävleborg",
        ("", ""),
        ("", ""),
        "",
        ["low-carbon"],
    ),
    (
        "varmland",
        "vuxenutbildning-sagverksoperatorer",
        "adult-training-sawmill-operators",
        ("Vuxenutbildning för sågverksoperatörer", "Adult training for sawmill operators"),
        (
            "En ny yrkesutbildning för vuxna möter sågverkens behov av operatörer och tryggar "
            "kompetensförsörjningen i skogsindustrin.",
            "A new vocational programme for adults meets the sawmills' need for operators and secures the "
            "skills supply of the forest industry.",
        ),
        (
            "<p>Utbildningen har tagits fram tillsammans med sågverken och kombinerar teori med lärande i "
            "produktionen. Den vänder sig både till nya i branschen och till anställda som vill bredda sin "
            "kompetens.</p>",
            "<p>The programme was developed with the sawmills and combines theory with learning in "
            "production. It is open both to newcomers and to employees who want to broaden their skills.</p>",
        ),
        Status.RUNNING,
        datetime.date(2024, 8, 15),
        datetime.date(2026, 6, 15),
        "Kommunal vuxenutbildning i Värmland",
        ("Sågverk i Värmland och Dalarna", "Sawmills in Värmland and Dalarna"),
        ("", "vuxenutbildning@example.org"),
        "",
        ["skills"],
    ),
    (
        "varmland",
        "internationell-samverkan-skog-och-stal",
        "international-collaboration-forest-and-steel",
        ("Internationell samverkan inom skog och stål", "International collaboration in forest and steel"),
        (
            "Värmländska företag inom papper, trä och stål formar gemensamt nya erbjudanden för en global marknad.",
            "Värmland firms in paper, wood and steel jointly shape new offers for a global market.",
        ),
        (
            "<p>Initiativet bygger partnerskap med kluster i andra europeiska regioner och hjälper små "
            "företag att delta i internationella projekt och leverantörskedjor.</p>",
            "<p>The initiative builds partnerships with clusters in other European regions and helps small "
            "firms take part in international projects and supply chains.</p>",
        ),
        Status.RUNNING,
        datetime.date(2023, 4, 1),
        datetime.date(2025, 12, 31),
        "Region Värmland",
        ("Kluster och företagsfrämjare i Värmland", "Clusters and business promoters in Värmland"),
        ("", "international@example.org"),
        "",
        ["internationalisation", "supply-chains"],
    ),
    (
        "varmland",
        "fossilfri-processvarme",
        "fossil-free-process-heat",
        ("Fossilfri processvärme i pappersindustrin", "Fossil-free process heat in the paper industry"),
        (
            "Forskare och bruk testar tillsammans tekniker som ersätter fossila bränslen i "
            "pappersindustrins processer.",
            "Researchers and mills test together technologies that replace fossil fuels in the paper "
            "industry's processes.",
        ),
        (
            "<p>Pilotförsök i full skala följs av forskare, och resultaten delas med andra företag i "
            "regionen genom öppna seminarier.</p>",
            "<p>Full-scale pilot trials are followed by researchers, and the results are shared with other "
            "firms in the region through open seminars.</p>",
        ),
        Status.RUNNING,
        datetime.date(2024, 1, 1),
        datetime.date(2027, 12, 31),
        "Karlstads universitet",
        ("Pappersbruk i Värmland", "Paper mills in Värmland"),
        ("", "processvarme@example.org"),
        "",
        ["low-carbon", "research"],
    ),
    (
        "varmland",
        "digitaliseringslyft-sma-industriforetag",
        "digital-boost-small-manufacturers",
        ("Digitaliseringslyft för små industriföretag", "Digital boost for small manufacturers"),
        (
            "Små industriföretag får hjälp att komma igång med digitala verktyg i produktion och försäljning.",
            "Small manufacturers get help to start using digital tools in production and sales.",
        ),
        (
            "<p>En digital mognadsanalys följs av en handlingsplan och stöd att genomföra de första stegen.</p>",
            "<p>A digital maturity analysis is followed by an action plan and support to take the first steps.</p>",
        ),
        Status.PLANNED,
        datetime.date(2026, 8, 1),
        datetime.date(2028, 6, 30),
        "Region Värmland",
        ("", ""),
        ("", ""),
        "",
        ["innovation"],
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
        status,
        start,
        end,
        lead,
        partners,
        contact,
        link,
        area_slugs,
    ) in INITIATIVES:
        parent = region_pages[region_slug]
        if InitiativePage.objects.child_of(parent).filter(slug_sv=slug_sv).exists():
            continue
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
            status=status,
            start_date=start,
            end_date=end,
            lead_organisation=lead,
            contact_name=contact[0],
            contact_email=contact[1],
            link=link,
            image=image,
            image_alt_sv="Tecknat industrilandskap i skymning",
            image_alt_en="Drawn industrial landscape at dusk",
            action_areas=[areas[key] for key in area_slugs],
        )
