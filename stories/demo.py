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

from focus_industry.demo.images import POOL_MOTIFS, subject_motif
from focus_industry.demo.loader import tr

from .models import StoryIndexPage, StoryPage

PROMOTERS = (
    "Företagsfrämjare i Värmland, Dalarna och Gävleborg",
    "Business promoters in Värmland, Dalarna and Gävleborg",
)
CONTACT = ("Focus Industry, kontakt@focusindustry.nu", "Focus Industry, kontakt@focusindustry.nu")
REGIONS_OWNER = (
    "Region Dalarna, Region Gävleborg och Region Värmland",
    "Region Dalarna, Region Gävleborg and Region Värmland",
)


FACT_FIELDS = ("project_owner", "period", "funding", "contact")


def _text(*paragraphs):
    return ("text", RichText("".join(paragraphs)))


def _quote(text, name, role):
    return ("quote", {"quote": text, "name": name, "role": role, "language": ""})


STORIES = [
    {
        "slug": ("tjanstebaserad-affarsutveckling", "service-driven-business-development"),
        "date": datetime.date(2024, 11, 20),
        "title": (
            "Utbildning i tjänstedriven affärsutveckling",
            "Training in service-driven business development",
        ),
        "lead": (
            "Industriföretag i de tre regionerna har gått en utbildning i att sälja tjänster kring sina produkter. "
            "Den riktar sig till de små och medelstora företagen, som ofta saknar resurser för strategisk "
            "utveckling. En deltagare säger att den öppnade tankarna kring hur man kan arbeta med tjänster.",
            "Industrial firms in the three regions have taken a course in selling services around their "
            "products. It is aimed at the small and medium-sized firms, which often lack resources for strategic "
            "development. One participant says it opened up her mind to how you can work with services.",
        ),
        "body": (
            [
                _text(
                    "<p>För att säkra Norra Mellansveriges konkurrenskraft framåt har näringslivsfrämjare i Värmland, "
                    "Dalarna och Gävleborg ordnat utbildningar i tjänstedriven affärsutveckling.</p>",
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
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["innovation"],
        "facts": {"project_owner": PROMOTERS, "contact": CONTACT},
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
            "Industrin i de tre regionerna behöver fler med rätt kompetens. En ny vuxenutbildning ska ge sågverken "
            "de operatörer de saknar, och arbetet med kompetensförsörjningen samlas i Kompetenskraft Industri NMS.",
            "Industry in the three regions needs more people with the right skills. A new adult training "
            "programme is to give the sawmills the operators they lack, and the work on the skills supply is "
            "brought together in Kompetenskraft Industri NMS.",
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
            "Internationell samverkan – avgörande för regionens framtid",
            "International collaboration: vital for the region’s future",
        ),
        "lead": (
            "Industrin i Norra Mellansverige säljer till hela världen, men få av de mindre företagen är själva "
            "internationella. Därför är internationalisering ett av de sex insatsområdena, och regionerna samlar "
            "exemplen på initiativ inom det.",
            "Industry in North-Middle Sweden sells to the whole world, but few of the smaller firms are "
            "international themselves. That is why internationalisation is one of the six action areas, and the "
            "regions gather the examples of initiatives within it.",
        ),
        "body": (
            [
                _text(
                    "<p>I Norra Mellansverige, där stål, papper och trävaror möter banbrytande innovation, är "
                    "internationell samverkan mer än bara en strategi – den är en avgörande faktor för regionens "
                    "ekonomiska framtid.</p>",
                    "<h2>Beroende av omvärlden</h2>",
                    "<p>Regionernas gemensamma strategi för industriell omställning pekar ut ett starkt beroende av "
                    "internationella marknader, men en låg grad av internationalisering bland små och medelstora "
                    "företag. 95 procent av företagen har högst 250 anställda: det är de som behöver stöd för att "
                    "ta steget ut.</p>",
                    "<h2>Exempel från regionerna</h2>",
                    "<ul><li><strong>Focus Industry Spets</strong> (2022–2023), som leddes av Dalarna Science Park "
                    "och finansierades av EU genom REACT-EU, samlade innovationsfrämjarna i de tre regionerna kring "
                    "gemensamma insatser för industrins små och medelstora företag.</li>"
                    "<li><strong>Testarenan för kritiska reservdelar</strong>, som leds av Sustainable Steel "
                    "Region, gör industrin mindre sårbar när globala leveranser sviktar.</li></ul>",
                    '<p>Fler initiativ finns i <a href="/initiativ/?area=internationalisation">listan över '
                    "initiativ inom internationalisering</a>. Har ditt företag ett exempel att dela? "
                    '<a href="mailto:kontakt@focusindustry.nu">Hör av dig</a>.</p>',
                ),
            ],
            [
                _text(
                    "<p>In North-Middle Sweden, where steel, paper and wood products meet ground-breaking "
                    "innovation, international collaboration is more than just a strategy: it is a vital factor "
                    "for the region’s economic future.</p>",
                    "<h2>Dependent on the world</h2>",
                    "<p>The regions’ joint strategy for industrial transformation names a strong dependence on "
                    "international markets, but a low degree of internationalisation among small and medium-sized "
                    "enterprises. 95 % of companies have 250 employees or fewer: they are the ones who need support "
                    "to take the step abroad.</p>",
                    "<h2>Examples from the regions</h2>",
                    "<ul><li><strong>Focus Industry Spets</strong> (2022–2023), led by Dalarna Science Park and "
                    "funded by the EU through REACT-EU, brought the innovation promoters of the three regions "
                    "together around joint work for industry’s small and medium-sized firms.</li>"
                    "<li><strong>The test arena for critical spare parts</strong>, led by Sustainable Steel Region, "
                    "makes industry less vulnerable when global deliveries falter.</li></ul>",
                    '<p>More initiatives are in the <a href="/en/initiatives/?area=internationalisation">list of '
                    "initiatives in internationalisation</a>. Does your company have an example to share? "
                    '<a href="mailto:kontakt@focusindustry.nu">Get in touch</a>.</p>',
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
            "Att minska sina koldioxidutsläpp och ställa om till en cirkulär industri kostar, men öppnar också för nya "
            "produkter, tjänster och affärsmodeller. Regionerna ser det som en möjlighet för de mindre företagen.",
            "The transition to a low-carbon and circular industry costs, but also opens the way to new products, "
            "services and business models. The regions see it as an opportunity for the smaller firms.",
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
            "Norra Mellansverige investerar mindre i forskning och innovation än EU-genomsnittet, trots rika "
            "naturresurser och starka industrier. Två exempel visar hur regionerna arbetar för att ändra på det.",
            "North-Middle Sweden invests less in research and innovation than the EU average, despite rich "
            "natural resources and strong industries. Two examples show how the regions work to change that.",
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
                    "<h2>Några exempel</h2>",
                    "<ul><li><strong>Focus Industry Spets</strong> (februari 2022 – oktober 2023) leddes av Dalarna "
                    "Science Park och finansierades av EU genom REACT-EU. Projektet stärkte innovationsförmågan i "
                    "industrins små och medelstora företag i de tre regionerna.</li>"
                    "<li><strong>Testarenan för kritiska reservdelar</strong>, som leds av Sustainable Steel "
                    "Region, prövar nya sätt att säkra industrins tillgång till reservdelar och komponenter.</li>"
                    "</ul>",
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
                    "<h2>A few examples</h2>",
                    "<ul><li><strong>Focus Industry Spets</strong> (February 2022 – October 2023) was led by Dalarna "
                    "Science Park and funded by the EU through REACT-EU. It strengthened the innovation capacity of "
                    "industry’s small and medium-sized firms in the three regions.</li>"
                    "<li><strong>The test arena for critical spare parts</strong>, led by Sustainable Steel Region, "
                    "tries out new ways to secure industry’s access to spare parts and components.</li></ul>",
                ),
            ],
        ),
        "regions": ["dalarna", "gavleborg", "varmland"],
        "areas": ["research"],
        "facts": {"project_owner": REGIONS_OWNER, "contact": CONTACT},
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
            "När en kritisk reservdel inte går att få tag på kan en hel produktion stå still. I en testarena som "
            "leds av Sustainable Steel Region arbetar industrin för att minska den risken.",
            "When a critical spare part cannot be had, a whole production line can stop. In a test arena led by "
            "Sustainable Steel Region, industry works to reduce that risk.",
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
    for data in STORIES:
        title_sv, title_en, motif = data["image"]
        motif = subject_motif(motif, data["areas"])
        image = context.image(f"Framgångsexempel: {title_sv}", key=f"story-{data['slug'][0]}", motif=motif)
        facts = {name: data.get("facts", {}).get(name, ("", "")) for name in FACT_FIELDS}
        context.page(
            index,
            StoryPage,
            data["slug"][0],
            slug_en=data["slug"][1],
            date=data["date"],
            hero_image=image,
            link=data.get("link", ""),
            body_sv=data["body"][0],
            body_en=data["body"][1],
            regions=[regions[key] for key in data["regions"]],
            action_areas=[areas[key] for key in data["areas"]],
            **tr(
                title=data["title"],
                lead=data["lead"],
                hero_alt=(title_sv, title_en),
                link_text=data.get("link_text", ("", "")),
                **facts,
            ),
        )
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
