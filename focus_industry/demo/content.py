"""The core's demo text, in Swedish and English, from the seed and shared/CONTENT.md."""

HOME = {
    "title": ("Focus Industry", "Focus Industry"),
    # The browser's title adds " | Focus Industry" (base.html): the brand is not repeated here.
    "seo_title": (
        "Industrins omställning i Norra Mellansverige",
        "The transformation of industry in North-Middle Sweden",
    ),
    "search_description": (
        "Dalarna, Gävleborg och Värmland samverkar för industrins omställning: sex insatsområden, "
        "framgångsexempel, initiativ och en verktygslåda.",
        "Dalarna, Gävleborg and Värmland collaborate on the transformation of industry: six action areas, "
        "success stories, initiatives and a toolbox.",
    ),
    "hero_heading": (
        "Focus Industry driver industrins omställning",
        "Focus Industry driving the industrial transformation",
    ),
    "hero_intro": (
        "Industrin har stor betydelse för tillväxt och utveckling i Norra Mellansveriges tre regioner, Dalarna, "
        "Gävleborg och Värmland. Här finns en stark och samhällsviktig industri som i dag sysselsätter över "
        "50 000 anställda. Focus Industry är en gemensam satsning för att samla och lyfta fram arbetet som görs "
        "kring industrins omställning i våra regioner.",
        "The industry is of great importance for growth and development in North-Middle Sweden’s three regions, "
        "Dalarna, Gävleborg and Värmland. Here there is a strong and socially important industry which today "
        "employs over 50,000 employees. Focus Industry is a joint effort to collect and highlight the work being "
        "done around the transformation of industry in our regions.",
    ),
    "key_figures": (
        [
            ("50 000+", "anställda i industrin"),
            ("3", "regioner: Dalarna, Gävleborg och Värmland"),
            ("6", "prioriterade insatsområden"),
            ("95 %", "av företagen har högst 250 anställda"),
            ("85 %", "av företagen har färre än 50 anställda"),
        ],
        [
            ("50,000+", "employees in industry"),
            ("3", "regions: Dalarna, Gävleborg and Värmland"),
            ("6", "prioritised action areas"),
            ("95%", "of companies have 250 employees or fewer"),
            ("85%", "of companies have fewer than 50 employees"),
        ],
    ),
    "way_forward_heading": ("Vägen framåt", "The Way Forward"),
    "way_forward_text": (
        "<p>I Norra Mellansverige samarbetar Dalarna, Värmland och Gävleborg, liksom deras innovations- och "
        "företagsfrämjare, för industrins hållbara utveckling.</p><p>De mindre företagen är de stora företagens "
        "leverantörsbas. När de växer i innovationsförmåga, kompetens och internationell räckvidd blir hela "
        "industrin i regionen starkare.</p>",
        "<p>In North-Middle Sweden, Dalarna, Värmland and Gävleborg are collaborating as are their innovation and "
        "business promoters for the sustainable development of the industry.</p><p>The smaller firms are the "
        "supplier base of the large ones. When they grow in innovation capacity, skills and international reach, "
        "the whole industry of the region grows stronger.</p>",
    ),
    "about_heading": ("Vad är Focus Industry?", "What is Focus Industry?"),
    "about_text": (
        "<p>Det behövs ett mer fokuserat arbete för att främja en hållbar, långsiktig och livskraftig utveckling i "
        "små och medelstora företag i Norra Mellansverige. Regionerna samverkar därför under namnet Focus Industry. "
        "Utifrån industrisektorns utmaningar och omställningsbehov ser vi sex prioriterade insatsområden.</p>",
        "<p>More focused work is needed to promote sustainable, enduring and viable development in small and "
        "medium-sized enterprises in North-Middle Sweden. The regions therefore collaborate under the name Focus "
        "Industry. Based on the industry sector’s challenges and need for transformation, we see six prioritised "
        "action areas.</p>",
    ),
    "video_title": ("Vad är Focus Industry?", "What is Focus Industry?"),
    # The old site shows a film ("Play Video"), but neither the seed nor CONTENT.md gives its address:
    # no film until an editor adds the real one (docs/editors-guide.md). Never a made-up address.
    "video_url": "",
    "areas_heading": ("Sex prioriterade insatsområden", "Six prioritised action areas"),
    "toolbox_heading": (
        "Verktygslåda för dig som arbetar med Focus Industry",
        "Toolbox for those who work with Focus Industry",
    ),
    "toolbox_text": (
        "Guider, mallar, rapporter och finansieringsprogram som regionerna delar med företag och främjare.",
        "Guides, templates, reports and funding programmes that the regions share with companies and promoters.",
    ),
}

AREA_INDEX = {
    "title": ("Insatsområden", "Action areas"),
    "slug": ("insatsomraden", "action-areas"),
    "intro": (
        "Utifrån industrins utmaningar och omställningsbehov har regionerna enats om sex prioriterade insatsområden.",
        "Based on industry’s challenges and need for transformation, the regions have agreed on six prioritised "
        "action areas.",
    ),
}

# key -> (slug_sv, slug_en, intro_sv, intro_en, body_sv, body_en, steps_sv, steps_en)
AREA_PAGES = {
    "innovation": (
        "innovationskapacitet",
        "innovation-capacity",
        "Små och medelstora företag står för en stor del av industrins förnyelse, men har ofta begränsade resurser "
        "för utveckling. Vi vill att fler av dem ska kunna ta fram nya produkter, tjänster och affärsmodeller.",
        "Small and medium-sized firms carry much of industry’s renewal, but often have limited resources for "
        "development. We want more of them to be able to create new products, services and business models.",
        "Låg innovationsförmåga i små och medelstora företag är en av de gemensamma utmaningar som regionernas "
        "strategi för industriell omställning pekar ut.",
        "Low innovation capacity in small and medium-sized firms is one of the shared challenges named in the "
        "regions’ joint strategy for industrial transformation.",
        [
            "Plattformar för kunskapsdelning mellan företag, forskare och civilsamhälle",
            "Industrins egna omställningsbehov som drivkraft för innovation",
            "Nya affärsmodeller och ny teknik för en cirkulär ekonomi",
            "Fler små och medelstora företag som använder digitalisering",
            "Resurser för de mindre företagens strategiska utveckling",
        ],
        [
            "Platforms for knowledge sharing between companies, researchers and civil society",
            "Industry’s own transformation needs as a driver of innovation",
            "New business models and technology for a circular economy",
            "More small and medium-sized firms using digitalisation",
            "Resources for the smaller firms’ strategic development",
        ],
    ),
    "skills": (
        "kompetensforsorjning",
        "skills-supply",
        "Industrin i Dalarna, Värmland och Gävleborg har liknande utmaningar när det gäller att säkra behovet av "
        "kompetens och arbetskraft. Samverkan kan skapa en attraktiv industriregion.",
        "The industry in Dalarna, Värmland and Gävleborg has similar challenges when it comes to securing its "
        "needs for skills and manpower. Collaboration can help to create an attractive industrial region.",
        "Matchningen mellan företagens kompetensbehov och arbetskraftsutbudet behöver bli bättre, både genom "
        "utbildning och genom att fler grupper söker sig till industrin.",
        "The match between companies’ skills needs and the labour supply must improve, both through training and "
        "by drawing more groups of people to industry.",
        [
            "Nya sätt att locka och behålla fler kvinnor, unga och utrikes födda i industrin",
            "System som matchar kompetensbehov och utbildning",
            "Yrkesutbildningar för vuxna tillsammans med företagen",
        ],
        [
            "New ways to attract and keep more women, young people and people born abroad in industry",
            "Systems that match skills needs and training",
            "Vocational training for adults, designed together with the companies",
        ],
    ),
    "internationalisation": (
        "internationalisering",
        "internationalisation",
        "Industrin i Norra Mellansverige är starkt beroende av internationella marknader, men få små och "
        "medelstora företag är själva internationella.",
        "Industry in North-Middle Sweden depends heavily on international markets, but few small and "
        "medium-sized firms are international themselves.",
        "Här möts stål, papper och trävaror med banbrytande innovation. Internationellt samarbete är mer än en "
        "strategi – det är avgörande för regionens ekonomiska framtid.",
        "Here steel, paper and wood products meet ground-breaking innovation. International collaboration is more "
        "than a strategy; it is vital for the region’s economic future.",
        [
            "Stöd till exportförberedelser i mindre företag",
            "Gemensamma närvaron på internationella mässor",
            "Partnerskap med europeiska industriregioner",
        ],
        [
            "Support for export readiness in smaller firms",
            "Joint presence at international trade fairs",
            "Partnerships with European industrial regions",
        ],
    ),
    "low-carbon": (
        "koldioxidsnal-och-cirkular-industri",
        "low-carbon-and-circular-industry",
        "Låga utsläpp och cirkulär ekonomi kan vara en utmaning för industrin, men också en stor möjlighet.",
        "Low carbon and the circular economy can be a challenge for the industry, but also a big opportunity.",
        "Flera initiativ pågår för att hjälpa företag att minska sin miljöpåverkan och samtidigt skapa nya "
        "hållbara produkter och tjänster.",
        "Several initiatives are underway to help companies reduce their environmental impact and at the same "
        "time create new sustainable products and services.",
        [
            "Energi- och resurseffektivisering i mindre företag",
            "Cirkulära affärsmodeller och nya material",
            "Delning av restflöden mellan företag",
        ],
        [
            "Energy and resource efficiency in smaller firms",
            "Circular business models and new materials",
            "Sharing residual flows between companies",
        ],
    ),
    "research": (
        "forskning-och-innovation",
        "research-and-innovation",
        "Ur ett EU-perspektiv ligger Norra Mellansverige under genomsnittet när det gäller investeringar i "
        "forskning och innovation.",
        "From an EU perspective, North-Middle Sweden is below average in terms of investment in research and "
        "innovation.",
        "Samtidigt har regionen goda förutsättningar för en hållbar regional utveckling genom rika naturresurser "
        "och framstående industrier.",
        "At the same time, the region is well placed to create sustainable regional development through rich "
        "natural resources and prominent industries.",
        [
            "Fler gemensamma projekt mellan företag och lärosäten",
            "Testbäddar och demonstrationsmiljöer",
            "Hjälp att söka nationella och europeiska forskningsmedel",
        ],
        [
            "More joint projects between companies and universities",
            "Test beds and demonstration environments",
            "Help to apply for national and European research funding",
        ],
    ),
    "supply-chains": (
        "robusta-forsorjningskedjor",
        "resilient-supply-chains",
        "En långsiktig satsning för att säkra industrins tillgång till kritiska reservdelar och komponenter pågår.",
        "A long-term effort to secure industry’s access to critical spare parts and components is underway.",
        "Målet är att bidra till en konkurrenskraftig industri genom att minska risken för störningar i "
        "försörjningskedjorna, och att stärka den strategiska samordningen över länsgränserna.",
        "The aim is to contribute to a competitive industry by reducing the risk of supply chain disruptions, and "
        "to strengthen strategic coordination across the regions.",
        [
            "Testarena för kritiska reservdelar",
            "Lokala leverantörer som alternativ till långa kedjor",
            "Gemensam omvärldsbevakning för de tre regionerna",
        ],
        [
            "A test arena for critical spare parts",
            "Local suppliers as an alternative to long chains",
            "Shared monitoring of risks for the three regions",
        ],
    ),
}

# key -> title, slug, intro, body paragraphs (each a pair sv/en)
STANDARD_PAGES = {
    "about": {
        "title": ("Om Focus Industry", "About Focus Industry"),
        "slug": ("om-focus-industry", "about-focus-industry"),
        "in_menu": True,
        "intro": (
            "Focus Industry är Region Dalarnas, Region Gävleborgs och Region Värmlands gemensamma satsning för att "
            "stödja industrins omställning i Norra Mellansverige.",
            "Focus Industry is the joint effort of Region Dalarna, Region Gävleborg and Region Värmland to support "
            "the transformation of industry in North-Middle Sweden.",
        ),
        "body": (
            "<h2>Varför Focus Industry?</h2><p>Industrin i våra tre regioner sysselsätter över 50 000 personer inom "
            "bland annat stål, papper och trävaror. De flesta företagen är små eller medelstora: 95 procent har högst "
            "250 anställda och 85 procent färre än 50.</p><p>Regionernas gemensamma strategi för industriell "
            "omställning pekar ut fem gemensamma utmaningar: låg innovationsförmåga i små och medelstora företag, "
            "svag matchning mellan kompetensbehov och arbetskraft, låga investeringar i forskning och innovation, "
            "ett starkt beroende av internationella marknader men låg internationalisering, och svag strategisk "
            "samordning över länsgränserna.</p><h2>Så arbetar vi</h2><p>Innovations- och företagsfrämjare i de tre "
            "regionerna samverkar inom sex prioriterade insatsområden och delar med sig av framgångsexempel, "
            "initiativ och verktyg på den här webbplatsen.</p>{areas}",
            "<h2>Why Focus Industry?</h2><p>Industry in our three regions employs over 50,000 people, in steel, "
            "paper and wood products among others. Most companies are small or medium-sized: 95 per cent have 250 "
            "employees or fewer and 85 per cent fewer than 50.</p><p>The regions’ joint strategy for industrial "
            "transformation names five shared challenges: low innovation capacity in small and medium-sized firms, "
            "poor matching of skills needs with the labour supply, low investment in research and innovation, a "
            "strong dependence on international markets but a low degree of internationalisation, and weak "
            "strategic coordination across the regions.</p><h2>How we work</h2><p>Innovation and business "
            "promoters in the three regions collaborate within six prioritised action areas and share success "
            "stories, initiatives and tools on this site.</p>{areas}",
        ),
    },
    "contact": {
        "title": ("Kontakt", "Contact"),
        "slug": ("kontakt", "contact"),
        "in_menu": True,
        "intro": (
            "Vill du veta mer om Focus Industry eller dela ett exempel? Hör av dig.",
            "Would you like to know more about Focus Industry or share an example? Get in touch.",
        ),
        "body": (
            '<p>Skriv till <a href="mailto:kontakt@focusindustry.nu">kontakt@focusindustry.nu</a> och berätta '
            "vilket län du hör av dig från, så kommer ditt meddelande till rätt person i Dalarna, Gävleborg eller "
            "Värmland.</p><h2>Kontakt i regionerna</h2><p>Focus Industry drivs av de tre regionerna. På varje "
            "regions webbplats hittar du dess arbete med regional utveckling och näringsliv, och hur du når "
            "regionen.</p><ul>"
            '<li>Dalarna: <a href="https://www.regiondalarna.se/">Region Dalarna</a> (regiondalarna.se)</li>'
            '<li>Gävleborg: <a href="https://www.regiongavleborg.se/">Region Gävleborg</a> (regiongavleborg.se)'
            "</li>"
            '<li>Värmland: <a href="https://www.regionvarmland.se/">Region Värmland</a> (regionvarmland.se)</li>'
            "</ul><p>Varje initiativ på webbplatsen visar vem som driver det och, när initiativet har angett det, "
            "vem du kontaktar.</p>",
            '<p>Write to <a href="mailto:kontakt@focusindustry.nu">kontakt@focusindustry.nu</a> and tell us which '
            "county you are writing from, and your message will reach the right person in Dalarna, Gävleborg or "
            "Värmland.</p><h2>Contacts in the regions</h2><p>Focus Industry is run by the three regions. Each "
            "region's website describes its work on regional development and business, and how to reach the "
            "region.</p><ul>"
            '<li>Dalarna: <a href="https://www.regiondalarna.se/" hreflang="sv">Region Dalarna</a> '
            "(regiondalarna.se, in Swedish)</li>"
            '<li>Gävleborg: <a href="https://www.regiongavleborg.se/" hreflang="sv">Region Gävleborg</a> '
            "(regiongavleborg.se, in Swedish)</li>"
            '<li>Värmland: <a href="https://www.regionvarmland.se/" hreflang="sv">Region Värmland</a> '
            "(regionvarmland.se, in Swedish)</li>"
            "</ul><p>Each initiative on this site shows who runs it and, where the initiative has given one, whom "
            "to contact.</p>",
        ),
    },
    "accessibility": {
        "title": ("Tillgänglighetsredogörelse", "Accessibility statement"),
        "slug": ("tillganglighetsredogorelse", "accessibility-statement"),
        "in_menu": False,
        "intro": (
            "Region Dalarna, Region Gävleborg och Region Värmland står bakom Focus Industrys webbplats. Vi vill att "
            "så många som möjligt ska kunna använda den.",
            "Region Dalarna, Region Gävleborg and Region Värmland are behind the Focus Industry website. We want as "
            "many people as possible to be able to use it.",
        ),
        "body": (
            "<h2>Hur tillgänglig är webbplatsen?</h2><p>Vi vet att delar av webbplatsen inte är helt "
            "tillgängliga. Webbplatsen är därför delvis förenlig med lagen (2018:1937) om tillgänglighet till "
            "digital offentlig service. Bristerna beskrivs nedan.</p>"
            "<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2><p>Om du behöver innehåll i "
            'ett annat format, till exempel en film med textning eller ett dokument som text, skriv till <a href="'
            'mailto:kontakt@focusindustry.nu">kontakt@focusindustry.nu</a>. Vi svarar inom fem arbetsdagar.</p>'
            "<h2>Rapportera brister i webbplatsens tillgänglighet</h2><p>Vi strävar hela tiden efter att "
            "förbättra tillgängligheten. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du "
            'anser att vi inte uppfyller lagens krav, meddela oss på <a href="mailto:kontakt@focusindustry.nu">'
            "kontakt@focusindustry.nu</a> så att vi får veta att problemet finns.</p>"
            "<h2>Tillsyn</h2><p>Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn av lagen om "
            "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina "
            'synpunkter kan du kontakta DIGG och <a href="https://www.digg.se/tdosanmalan">påtala det</a>.</p>'
            "<h2>Innehåll som inte är tillgängligt</h2><p>Det innehåll som beskrivs nedan är på ett eller annat "
            "sätt inte helt tillgängligt.</p><h3>Bristande förenlighet med lagkraven</h3><ul><li>Filmer från "
            "YouTube eller Vimeo saknar ibland textning på båda språken (WCAG 1.2.2). Vi textar nya filmer innan "
            "de publiceras.</li><li>Vissa PDF-dokument i verktygslådan kommer från andra organisationer och är "
            "inte fullt tillgängliga (WCAG 1.3.1). Be oss om en tillgänglig version.</li></ul>"
            "<h2>Hur vi testat webbplatsen</h2><p>Vi har gjort en självskattning. Varje sidtyp på båda språken "
            "testas automatiskt i en riktig webbläsare varje gång webbplatsen ändras: med axe-core mot WCAG 2.1 "
            "nivå A och AA i dator- och mobilbredd, med Nu HTML Checker för giltig HTML, med enbart tangentbord, "
            "vid 320 pixlars bredd och med ökat textavstånd. Senaste bedömningen gjordes den 25 november 2026.</p>"
            "<p>Redogörelsen uppdaterades senast den 25 november 2026.</p>",
            "<h2>How accessible is the website?</h2><p>We know that parts of the website are not fully "
            "accessible. The website is therefore partially compliant with the Swedish Act (2018:1937) on "
            "accessibility to digital public services. The shortcomings are described below.</p>"
            "<h2>What can you do if you cannot use parts of the website?</h2><p>If you need content in another "
            'format, for example a film with subtitles or a document as text, write to <a href="'
            'mailto:kontakt@focusindustry.nu">kontakt@focusindustry.nu</a>. We answer within five working '
            "days.</p><h2>Report shortcomings in the website's accessibility</h2><p>We keep working to improve "
            "the accessibility. If you find problems that are not described on this page, or think that we do "
            'not meet the requirements of the law, tell us at <a href="mailto:kontakt@focusindustry.nu">'
            "kontakt@focusindustry.nu</a> so that we know about the problem.</p>"
            "<h2>Supervision</h2><p>The Agency for Digital Government (DIGG) supervises the Act on accessibility "
            "to digital public services. If you are not satisfied with how we handle your feedback, you can "
            '<a href="https://www.digg.se/tdosanmalan">report it to DIGG</a> (in Swedish).</p>'
            "<h2>Content that is not accessible</h2><p>The content described below is in one way or another not "
            "fully accessible.</p><h3>Non-compliance with the requirements</h3><ul><li>Films from YouTube or "
            "Vimeo sometimes lack subtitles in both languages (WCAG 1.2.2). We subtitle new films before they are "
            "published.</li><li>Some PDF documents in the toolbox come from other organisations and are not "
            "fully accessible (WCAG 1.3.1). Ask us for an accessible version.</li></ul>"
            "<h2>How we tested the website</h2><p>We made a self-assessment. Every page type in both languages is "
            "tested automatically in a real browser whenever the website changes: with axe-core against WCAG 2.1 "
            "levels A and AA at desktop and mobile width, with the Nu HTML Checker for valid HTML, with the "
            "keyboard alone, at 320 pixels wide and with increased text spacing. The latest assessment was made "
            "on 25 November 2026.</p><p>This statement was last updated on 25 November 2026.</p>",
        ),
    },
    "privacy": {
        "title": ("Personuppgifter och kakor", "Privacy and cookies"),
        "slug": ("personuppgifter-och-kakor", "privacy-and-cookies"),
        "in_menu": False,
        "intro": (
            "Som besökare får du inga kakor och din webbläsare kontaktar inga andra webbplatser, tills du själv "
            "klickar på spela för att se en film.",
            "As a visitor you get no cookies, and your browser contacts no other websites until you click play "
            "to watch a film.",
        ),
        "body": (
            "<h2>Besökare</h2><p>Webbplatsen sätter inga kakor (cookies) för besökare och använder ingen "
            "besöksstatistik, inga typsnitt eller skript från andra webbplatser. Din webbläsare hämtar allt från "
            "den här webbplatsen.</p><p>Filmer från YouTube och Vimeo laddas först när du klickar på spela. Då "
            "hämtas spelaren från YouTube (i läget utan kakor, youtube-nocookie.com) eller Vimeo (med "
            "spårningsskydd), som kan behandla uppgifter om dig enligt sina egna villkor.</p>"
            "<h2>Redaktörer</h2><p>För den som loggar in i redigeringsverktyget sparar vi namn, e-postadress, "
            "vilka sidor personen har ändrat och när, och – för att stoppa lösenordsgissning – misslyckade "
            "inloggningsförsök med IP-adress. Inloggningen ger en sessionskaka och en CSRF-kaka, som behövs för "
            "inloggningen och skyddet mot förfalskade formulär. De försvinner när du loggar ut eller när "
            "sessionen går ut.</p>"
            "<h2>Personuppgiftsansvarig</h2><p>Personuppgiftsansvariga för webbplatsen är Region Dalarna, "
            "Region Gävleborg och Region Värmland, som driver Focus Industry tillsammans. Varje region har ett "
            "dataskyddsombud som du når via regionens webbplats.</p>"
            "<h2>Dina rättigheter</h2><p>Du har rätt att få veta vilka uppgifter vi har om dig, att få fel "
            "rättade och att i vissa fall få uppgifter raderade eller begränsade. Skriv till "
            '<a href="mailto:kontakt@focusindustry.nu">kontakt@focusindustry.nu</a>.</p>'
            "<h2>Klagomål</h2><p>Om du anser att vi behandlar dina personuppgifter felaktigt har du rätt att "
            "klaga hos Integritetsskyddsmyndigheten (IMY), som är tillsynsmyndighet: "
            '<a href="https://www.imy.se/privatperson/utfora-arenden/lamna-ett-klagomal/">lämna ett klagomål '
            "till IMY</a>.</p>",
            "<h2>Visitors</h2><p>The website sets no cookies for visitors and uses no visitor statistics, and no "
            "fonts or scripts from other websites. Your browser fetches everything from this website.</p><p>Films "
            "from YouTube and Vimeo are loaded only when you click play. Then the player is fetched from YouTube "
            "(in its no-cookie mode, youtube-nocookie.com) or Vimeo (with do-not-track), which may process data "
            "about you under their own terms.</p><h2>Editors</h2><p>For those who log in to the editing tool we "
            "keep their name, e-mail address, which pages they changed and when, and – to stop password "
            "guessing – failed login attempts with their IP address. Logging in gives a session cookie and a CSRF "
            "cookie, which are needed for the login and for protection against forged forms. They disappear when "
            "you log out or when the session expires.</p>"
            "<h2>Data controller</h2><p>The controllers of personal data for this website are Region Dalarna, "
            "Region Gävleborg and Region Värmland, who run Focus Industry together. Each region has a data "
            "protection officer, whom you reach through the region's website.</p>"
            "<h2>Your rights</h2><p>You have the right to know what data we hold about you, to have mistakes "
            "corrected and in some cases to have data erased or restricted. Write to "
            '<a href="mailto:kontakt@focusindustry.nu">kontakt@focusindustry.nu</a>.</p>'
            "<h2>Complaints</h2><p>If you think that we process your personal data wrongly, you have the right to "
            "complain to the Swedish Authority for Privacy Protection (IMY), the supervisory authority: "
            '<a href="https://www.imy.se/en/individuals/forms-and-e-services/file-a-complaint/">file a complaint '
            "with IMY</a>.</p>",
        ),
    },
}

# The "six areas" list on the about page: its links point at the area pages (made before it).
ABOUT_AREAS_HEADING = ("De sex insatsområdena", "The six action areas")

SITE_SETTINGS = {
    "contact_heading": ("Kontakt", "Contact"),
    "contact_text": (
        "Focus Industry – Dalarna, Gävleborg och Värmland.",
        "Focus Industry – Dalarna, Gävleborg and Värmland.",
    ),
    "contact_email": "kontakt@focusindustry.nu",
    # The footer names the regions as links to their own websites.
    "partners": [
        ("Region Dalarna", "https://www.regiondalarna.se/"),
        ("Region Gävleborg", "https://www.regiongavleborg.se/"),
        ("Region Värmland", "https://www.regionvarmland.se/"),
    ],
}
