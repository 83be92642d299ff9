"""Demo content of the stories app: the listing page and the six success stories of the seed.

The stories are written out from the seed's sentences and the public background in
/work/shared/CONTENT.md, in Swedish and English; no people or figures beyond those. `context.scale`
adds that many generated stories (deterministic slugs `exempel-0001` …), so listings can be
measured with thousands of stories. Safe to run again: pages are found by their Swedish slug.
"""

import datetime

from django.db.models import F
from django.utils import timezone

from wagtail.rich_text import RichText

from focus_industry.demo import content as core_content
from focus_industry.demo.images import POOL_MOTIFS, subject_motif
from focus_industry.demo.loader import tr

from .models import StoryIndexPage, StoryPage

SPETS = {
    "project_owner": ("Dalarna Science Park", "Dalarna Science Park"),
    "period": ("1 februari 2022 – 31 oktober 2023", "1 February 2022 – 31 October 2023"),
    "funding": (
        "Focus Industry Spets, EU-finansierat via REACT-EU",
        "Focus Industry Spets, EU-funded through REACT-EU",
    ),
}
CONTACT = ("Focus Industry, kontakt@focusindustry.nu", "Focus Industry, kontakt@focusindustry.nu")
REGIONS_OWNER = (
    "Region Dalarna, Region Gävleborg och Region Värmland",
    "Region Dalarna, Region Gävleborg and Region Värmland",
)


def _text(*paragraphs):
    return ("text", RichText("".join(paragraphs)))


def _quote(text, name, role):
    return ("quote", {"quote": text, "name": name, "role": role, "language": ""})


STORIES = [
    {
        "slug": ("tjanstebaserad-affarsutveckling", "service-driven-business-development"),
        "date": datetime.date(2024, 11, 20),
        "title": (
            "Utbildning i tjänstebaserad affärsutveckling",
            "Training in service-driven business development",
        ),
        "lead": (
            "Näringslivsfrämjare i Värmland, Dalarna och Gävleborg har ordnat utbildningar i tjänstebaserad "
            "affärsutveckling. Målet är att öka företagens lönsamhet genom att utveckla värdeskapande erbjudanden "
            "med kundens behov i fokus.",
            "Business promoters in Värmland, Dalarna and Gävleborg have organised training courses in "
            "service-driven business development. The aim is to increase companies’ profitability by developing "
            "value-adding offers with the customer’s needs in focus.",
        ),
        "body": (
            [
                _text(
                    "<p>För att säkra Norra Mellansveriges konkurrenskraft framåt har näringslivsfrämjare i Värmland, "
                    "Dalarna och Gävleborg ordnat utbildningar i tjänstebaserad affärsutveckling.</p>",
                    "<p>Enkelt uttryckt handlar det om att öka företagens lönsamhet genom att utveckla "
                    "värdeskapande erbjudanden med kundens behov i fokus.</p>",
                ),
                _quote(
                    "Utbildningen öppnade upp tankarna kring hur man kan arbeta med tjänster.",
                    "Lina Bylund",
                    "gick utbildningen",
                ),
                _text(
                    "<h2>Varför tjänster?</h2>",
                    "<p>De flesta industriföretag i regionen är små: i Norra Mellansverige har 95 procent av "
                    "företagen högst 250 anställda och 85 procent färre än 50. De är leverantörsbasen till de stora "
                    "företagen, men har ofta begränsade resurser för strategisk utveckling.</p>",
                    "<p>Nya affärsmodeller är ett av stegen som regionerna pekat ut för att öka "
                    "innovationskapaciteten i små och medelstora företag. Utbildningen ger företagen verktyg att "
                    "ta det steget.</p>",
                ),
            ],
            [
                _text(
                    "<p>To secure North-Middle Sweden’s competitiveness for the future, business promoters in "
                    "Värmland, Dalarna and Gävleborg have organised training courses in service-driven business "
                    "development.</p>",
                    "<p>In simple terms, it is about increasing companies’ profitability by developing value-adding "
                    "offers with the customer’s needs in focus.</p>",
                ),
                _quote(
                    "This training opened up the mind to how you can work with services.",
                    "Lina Bylund",
                    "completed the training",
                ),
                _text(
                    "<h2>Why services?</h2>",
                    "<p>Most industrial companies in the region are small: in North-Middle Sweden 95 % of companies "
                    "have 250 employees or fewer, and 85 % fewer than 50. They are the supplier base of the large "
                    "companies, but often have limited resources for strategic development.</p>",
                    "<p>New business models are one of the steps the regions have named to increase innovation "
                    "capacity in small and medium-sized enterprises. The training gives companies tools to take "
                    "that step.</p>",
                ),
            ],
        ),
        "video": True,
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["innovation"],
        "facts": {**SPETS, "contact": CONTACT},
        "link": "https://www.dalarnasciencepark.se/",
        "link_text": ("Dalarna Science Park", "Dalarna Science Park"),
        "image": ("Tjänsteutveckling i industrin", "Service development in industry", "industry"),
    },
    {
        "slug": ("vuxenutbildning-for-sagverksoperatorer", "adult-training-for-sawmill-operators"),
        "date": datetime.date(2024, 10, 15),
        "title": (
            "Kompetensförsörjning: ny vuxenutbildning för sågverksoperatörer",
            "Skills supply: a new adult training programme for sawmill operators",
        ),
        "lead": (
            "Industrin i Dalarna, Värmland och Gävleborg har liknande utmaningar och möjligheter när det gäller "
            "att säkra behovet av kompetens och arbetskraft. Flera initiativ pågår, bland dem en ny "
            "vuxenutbildning för sågverksoperatörer.",
            "Industry in Dalarna, Värmland and Gävleborg faces similar challenges and opportunities in securing "
            "its need for skills and manpower. Several initiatives are underway, among them a new adult training "
            "programme for sawmill operators.",
        ),
        "body": (
            [
                _text(
                    "<p>Industrin i Dalarna, Värmland och Gävleborg har liknande utmaningar och möjligheter när det "
                    "gäller att säkra industrins behov av kompetens och arbetskraft.</p>",
                    "<p>Samverkan kan bidra till att skapa en attraktiv industriregion, och flera initiativ pågår i "
                    "Norra Mellansverige för att komma framåt. Ett av dem är en ny vuxenutbildning som utbildar "
                    "sågverksoperatörer.</p>",
                ),
                _quote(
                    "Det är viktigt att möta det befintliga behovet av kompetens.",
                    "Christer Rosén",
                    "engagerad i den nya vuxenutbildningen för sågverksoperatörer",
                ),
                _text(
                    "<h2>Matcha behov och utbildning</h2>",
                    "<p>Dålig matchning mellan företagens kompetensbehov och arbetskraftsutbudet är en av de "
                    "gemensamma utmaningar som regionernas strategi för industriell omställning pekar ut. Stegen "
                    "framåt handlar om system som matchar kompetensbehov och utbildning, och om nya sätt att locka "
                    "och behålla fler kvinnor, unga och utrikes födda i industrin.</p>",
                    "<p>Arbetet med kompetensförsörjningen sker inom Kompetenskraft Industri NMS.</p>",
                ),
            ],
            [
                _text(
                    "<p>The industry in Dalarna, Värmland and Gävleborg has similar challenges and opportunities "
                    "when it comes to securing the industry’s needs for skills and manpower.</p>",
                    "<p>Collaboration can help to create an attractive industrial region, and several initiatives "
                    "are underway in North-Middle Sweden to move forward. One of them is a new adult training "
                    "programme to train sawmill operators.</p>",
                ),
                _quote(
                    "It is important to meet the existing need for competence.",
                    "Christer Rosén",
                    "involved in the new adult training programme for sawmill operators",
                ),
                _text(
                    "<h2>Matching needs and training</h2>",
                    "<p>Poor matching of companies’ skills needs with the labour supply is one of the shared "
                    "challenges named in the regions’ joint strategy for industrial transformation. The steps "
                    "forward are about systems that match skills needs and training, and new ways to attract and "
                    "keep more women, young people and people born abroad in industry.</p>",
                    "<p>The work on the skills supply runs under Kompetenskraft Industri NMS.</p>",
                ),
            ],
        ),
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["skills"],
        "facts": {
            "project_owner": ("Kompetenskraft Industri NMS", "Kompetenskraft Industri NMS"),
            "funding": ("", ""),
            "period": ("Pågående", "Ongoing"),
            "contact": CONTACT,
        },
        "image": ("Sågverk och virkesupplag", "Sawmill and timber yard", "wood"),
    },
    {
        "slug": ("internationell-samverkan", "international-collaboration"),
        "date": datetime.date(2024, 9, 10),
        "title": (
            "Internationell samverkan som formar marknaden",
            "International collaboration that shapes the market",
        ),
        "lead": (
            "I Norra Mellansverige, där stål, papper och trävaror möter banbrytande innovation, är internationell "
            "samverkan mer än en strategi. Här berättar vi hur aktörer i Värmland, Dalarna och Gävleborg inte bara "
            "anpassar sig till den globala marknaden, utan också formar den.",
            "In North-Middle Sweden, where steel, paper and wood products meet ground-breaking innovation, "
            "international collaboration is more than just a strategy. Here we explain how players in Värmland, "
            "Dalarna and Gävleborg not only adapt to the global market, but also shape it.",
        ),
        "body": (
            [
                _text(
                    "<p>I Norra Mellansverige, där stål, papper och trävaror möter banbrytande innovation, är "
                    "internationell samverkan mer än bara en strategi – den är en avgörande faktor för regionens "
                    "ekonomiska framtid.</p>",
                    "<p>Här berättar vi hur aktörer i Värmland, Dalarna och Gävleborg inte bara anpassar sig till "
                    "den globala marknaden, utan också formar den.</p>",
                    "<h2>Beroende av omvärlden</h2>",
                    "<p>Regionernas gemensamma strategi för industriell omställning pekar ut ett starkt beroende av "
                    "internationella marknader, men en låg grad av internationalisering bland små och medelstora "
                    "företag. Att fler mindre företag tar steget ut i världen är därför ett av de prioriterade "
                    "insatsområdena.</p>",
                ),
            ],
            [
                _text(
                    "<p>In North-Middle Sweden, where steel, paper and wood products meet ground-breaking "
                    "innovation, international collaboration is more than just a strategy: it is a vital factor "
                    "for the region’s economic future.</p>",
                    "<p>Here we explain how players in Värmland, Dalarna and Gävleborg not only adapt to the global "
                    "market, but also shape it.</p>",
                    "<h2>Dependent on the world</h2>",
                    "<p>The regions’ joint strategy for industrial transformation names a strong dependence on "
                    "international markets, but a low degree of internationalisation among small and medium-sized "
                    "enterprises. Helping more small firms take the step abroad is therefore one of the prioritised "
                    "action areas.</p>",
                ),
            ],
        ),
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["internationalisation"],
        "facts": {"project_owner": REGIONS_OWNER, "contact": CONTACT},
        "image": ("Stål, papper och trävaror", "Steel, paper and wood products", "industry"),
    },
    {
        "slug": ("koldioxidsnal-och-cirkular-ekonomi", "low-carbon-and-circular-economy"),
        "date": datetime.date(2024, 6, 5),
        "title": (
            "Koldioxidsnålt och cirkulärt – en utmaning och en möjlighet",
            "Low carbon and circular: a challenge and an opportunity",
        ),
        "lead": (
            "Låga koldioxidutsläpp och cirkulär ekonomi kan vara en utmaning för industrin, men också en stor "
            "möjlighet. Flera initiativ i Norra Mellansverige hjälper företag att minska sin miljöpåverkan och "
            "samtidigt skapa nya hållbara produkter och tjänster.",
            "Low carbon and the circular economy can be a challenge for industry, but also a big opportunity. "
            "Several initiatives in North-Middle Sweden help companies reduce their environmental impact and at "
            "the same time create new sustainable products and services.",
        ),
        "body": (
            [
                _text(
                    "<p>Koldioxidsnål produktion och cirkulär ekonomi kan vara en utmaning för industrin, men också "
                    "en stor möjlighet.</p>",
                    "<p>I Norra Mellansverige pågår just nu flera initiativ som hjälper företag att minska sin "
                    "miljöpåverkan och samtidigt skapa nya hållbara produkter och tjänster.</p>",
                    "<h2>Ny teknik och nya affärsmodeller</h2>",
                    "<p>Bland stegen framåt som regionerna pekat ut finns nya affärsmodeller och ny teknik för en "
                    "cirkulär ekonomi, och att industrins egna omställningsbehov ska driva innovation.</p>",
                ),
            ],
            [
                _text(
                    "<p>Low carbon and the circular economy can be a challenge for the industry, but also a big "
                    "opportunity.</p>",
                    "<p>In North-Middle Sweden, several initiatives are currently underway to help companies reduce "
                    "their environmental impact and at the same time create new sustainable products and "
                    "services.</p>",
                    "<h2>New technology and new business models</h2>",
                    "<p>Among the steps forward the regions have named are new business models and technology for a "
                    "circular economy, and industry’s own transformation needs as a driver of innovation.</p>",
                ),
            ],
        ),
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["low-carbon", "innovation"],
        "facts": {"project_owner": REGIONS_OWNER, "contact": CONTACT},
        "image": ("Cirkulär industri", "Circular industry", "industry"),
    },
    {
        "slug": ("investeringar-i-forskning-och-innovation", "investment-in-research-and-innovation"),
        "date": datetime.date(2024, 4, 18),
        "title": (
            "Mer forskning och innovation i Norra Mellansverige",
            "More research and innovation in North-Middle Sweden",
        ),
        "lead": (
            "Ur ett EU-perspektiv ligger Norra Mellansverige under genomsnittet när det gäller investeringar i "
            "forskning och innovation. Samtidigt har regionen goda förutsättningar för hållbar utveckling genom "
            "rika naturresurser och framstående industrier. Här är några exempel på initiativ.",
            "From an EU perspective, North-Middle Sweden is below average in investment in research and "
            "innovation. At the same time, the region is well placed for sustainable development through rich "
            "natural resources and prominent industries. Here are a few examples of initiatives.",
        ),
        "body": (
            [
                _text(
                    "<p>Ur ett EU-perspektiv ligger Norra Mellansverige under genomsnittet när det gäller "
                    "investeringar i forskning och innovation.</p>",
                    "<p>Samtidigt är det en region med goda förutsättningar att skapa hållbar regional utveckling "
                    "genom rika naturresurser och framstående industrier. Ett antal initiativ pågår för att bättre "
                    "ta vara på de möjligheterna.</p>",
                    "<h2>Plattformar för kunskapsutbyte</h2>",
                    "<p>Låga utgifter och investeringar i forskning och innovation är en av de gemensamma "
                    "utmaningarna i regionernas strategi. Ett svar är plattformar där företag, forskare och "
                    "civilsamhälle delar kunskap.</p>",
                ),
            ],
            [
                _text(
                    "<p>From an EU perspective, North-Middle Sweden is below average in terms of investment in "
                    "research and innovation.</p>",
                    "<p>At the same time, it is a region well placed to create sustainable regional development "
                    "through rich natural resources and prominent industries. A number of initiatives are currently "
                    "underway to make better use of these opportunities.</p>",
                    "<h2>Platforms for sharing knowledge</h2>",
                    "<p>Low spending and investment in research and innovation is one of the shared challenges in "
                    "the regions’ strategy. One answer is platforms where companies, researchers and civil society "
                    "share knowledge.</p>",
                ),
            ],
        ),
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["research"],
        "facts": {**SPETS, "contact": CONTACT},
        "image": ("Forskning och innovation", "Research and innovation", "industry"),
    },
    {
        "slug": ("kritiska-reservdelar-och-komponenter", "critical-spare-parts-and-components"),
        "date": datetime.date(2024, 2, 28),
        "title": (
            "Säkrad tillgång till kritiska reservdelar och komponenter",
            "Securing access to critical spare parts and components",
        ),
        "lead": (
            "Ett långsiktigt arbete för att säkra industrins tillgång till kritiska reservdelar och komponenter har "
            "startat. Syftet är att bidra till en konkurrenskraftig industri genom att minska risken för störningar "
            "i försörjningskedjorna.",
            "A long-term effort to secure industry’s access to critical spare parts and components is now underway. "
            "The aim is to contribute to a competitive industry by reducing the risk of supply chain disruptions.",
        ),
        "body": (
            [
                _text(
                    "<p>Ett långsiktigt arbete för att säkra industrins tillgång till kritiska reservdelar och "
                    "komponenter pågår nu.</p>",
                    "<p>Syftet är att bidra till en konkurrenskraftig industri genom att minska risken för störningar "
                    "i försörjningskedjorna.</p>",
                    "<h2>En testarena</h2>",
                    "<p>Arbetet sker i en testarena som leds av Sustainable Steel Region. Robusta "
                    "försörjningskedjor och samverkan över länsgränserna är ett av de sex prioriterade "
                    "insatsområdena.</p>",
                ),
            ],
            [
                _text(
                    "<p>A long-term effort to secure industry’s access to critical spare parts and components is now "
                    "underway.</p>",
                    "<p>The aim is to contribute to a competitive industry by reducing the risk of supply chain "
                    "disruptions.</p>",
                    "<h2>A test arena</h2>",
                    "<p>The work is done in a test arena led by Sustainable Steel Region. Resilient supply chains and "
                    "collaboration across the regions is one of the six prioritised action areas.</p>",
                ),
            ],
        ),
        "regions": ["dalarna", "gavleborg"],
        "areas": ["supply-chains"],
        "facts": {
            "project_owner": ("Sustainable Steel Region", "Sustainable Steel Region"),
            "period": ("Pågående, långsiktigt", "Ongoing, long-term"),
            "contact": CONTACT,
        },
        "image": ("Reservdelar och komponenter", "Spare parts and components", "industry"),
    },
]


def load(context):
    home = context.home
    index = context.page(
        home,
        StoryIndexPage,
        "framgangsexempel",
        slug_en="success-stories",
        show_in_menus=True,
        **tr(
            title=("Framgångsexempel", "Success stories"),
            intro=(
                "Så arbetar företag och främjare i Dalarna, Gävleborg och Värmland med industrins omställning.",
                "How companies and business promoters in Dalarna, Gävleborg and Värmland work on the "
                "transformation of industry.",
            ),
        ),
    )
    regions = context.regions
    areas = context.areas
    poster = context.image("Filmaffisch Focus Industry", key="film-poster")
    for data in STORIES:
        if StoryPage.objects.child_of(index).filter(slug_sv=data["slug"][0]).exists():
            continue
        title_sv, title_en, motif = data["image"]
        motif = subject_motif(motif, data["areas"])
        image = context.image(f"Framgångsexempel: {title_sv}", key=f"story-{data['slug'][0]}", motif=motif)
        body_sv, body_en = data["body"]
        if data.get("video"):
            video = core_content.HOME["video_url"]
            body_sv = [
                *body_sv,
                (
                    "video",
                    {
                        "url": video,
                        "title": "Film: Vad är Focus Industry?",
                        "poster": poster,
                        "caption": "Filmen berättar om Focus Industry.",
                    },
                ),
            ]
            body_en = [
                *body_en,
                (
                    "video",
                    {
                        "url": video,
                        "title": "Film: What is Focus Industry?",
                        "poster": poster,
                        "caption": "The film tells the story of Focus Industry.",
                    },
                ),
            ]
        facts = {name: value for name, value in data.get("facts", {}).items() if value != ("", "")}
        story = context.page(
            index,
            StoryPage,
            data["slug"][0],
            slug_en=data["slug"][1],
            date=data["date"],
            hero_image=image,
            link=data.get("link", ""),
            body_sv=body_sv,
            body_en=body_en,
            **tr(
                title=data["title"],
                lead=data["lead"],
                hero_alt=(title_sv, title_en),
                link_text=data.get("link_text", ("", "")),
                **facts,
            ),
        )
        story.regions.set([regions[key] for key in data["regions"]])
        story.action_areas.set([areas[key] for key in data["areas"]])
        story.save_revision().publish()
    if context.scale:
        generate(context, index, context.scale)


# --- Generated stories (load_demo_content --scale N) ------------------------------------------

GENERATED_TOPICS = [
    ("Digitalisering i en verkstad", "Digitalisation in a workshop"),
    ("Ny affärsmodell för en underleverantör", "A new business model for a subcontractor"),
    ("Kompetenslyft i produktionen", "Upskilling on the shop floor"),
    ("Export till en ny marknad", "Exporting to a new market"),
    ("Mindre spill i tillverkningen", "Less waste in manufacturing"),
    ("Samarbete med ett lärosäte", "Working with a university"),
    ("Tryggare leveranser av komponenter", "Safer deliveries of components"),
]


def generate(context, index, count):
    """`count` generated bilingual stories, tagged and illustrated; existing ones are kept.

    Built for speed: pages are added and marked live directly (no revision each), tags are written
    with two bulk inserts, and the images come from a small pool. Each story is placed in the tree by
    its own path and saved without `full_clean`: wagtail-modeltranslation's slug check reads every
    sibling per language, which made 10,000 stories take hours (the generated slugs are unique).
    """
    regions = list(context.regions.values())
    areas = list(context.areas.values())
    pool = [
        context.image(f"Exempelbild {n}", key=f"story-pool-{n}", width=960, height=540, motif=motif)
        for n, motif in enumerate(POOL_MOTIFS, start=1)
    ]
    wanted = [f"exempel-{number:04d}" for number in range(1, count + 1)]
    existing = set(StoryPage.objects.child_of(index).filter(slug_sv__in=wanted).values_list("slug_sv", flat=True))
    now = timezone.now()
    region_links, area_links = [], []
    start = datetime.date(2023, 12, 31)
    index = StoryIndexPage.objects.get(pk=index.pk)
    last_child = index.get_last_child()
    next_path = last_child._inc_path() if last_child else StoryPage._get_path(index.path, index.depth + 1, 1)
    created = 0
    for number in range(1, count + 1):
        slug = f"exempel-{number:04d}"
        if slug in existing:
            continue
        topic_sv, topic_en = GENERATED_TOPICS[number % len(GENERATED_TOPICS)]
        region = regions[number % len(regions)]
        area = areas[number % len(areas)]
        story = StoryPage(
            slug_sv=slug,
            slug_en=f"example-{number:04d}",
            title_sv=f"{topic_sv} ({number})",
            title_en=f"{topic_en} ({number})",
            lead_sv=f"Exempel {number}: så arbetar ett företag i {region.name_sv} med {area.name_sv.lower()}.",
            lead_en=f"Example {number}: how a company in {region.name_en} works to {area.name_en.lower()}.",
            hero_image=pool[(number + number // len(pool)) % len(pool)],  # neighbours and one area's differ
            hero_alt_sv=f"Illustration till exempel {number}",
            hero_alt_en=f"Illustration for example {number}",
            body_sv=[_text(f"<p>Ett genererat exempel (nummer {number}) för att mäta sajtens prestanda.</p>")],
            body_en=[_text(f"<p>A generated example (number {number}) for measuring the site’s performance.</p>")],
            date=start - datetime.timedelta(days=number % 700),
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
        )
        story.depth, story.path, story.locale_id, story.draft_title = (
            index.depth + 1,
            next_path,
            index.locale_id,
            story.title,
        )
        story.save(clean=False)
        next_path = story._inc_path()
        region_links.append(StoryPage.regions.through(storypage_id=story.pk, region_id=region.pk))
        area_links.append(StoryPage.action_areas.through(storypage_id=story.pk, actionarea_id=area.pk))
        created += 1
    if created:
        StoryIndexPage.objects.filter(pk=index.pk).update(numchild=F("numchild") + created)
    StoryPage.regions.through.objects.bulk_create(region_links)
    StoryPage.action_areas.through.objects.bulk_create(area_links)
    if created:
        context.log(f"  {created} generated stories added")
