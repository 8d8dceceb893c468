"""Svenskt demoinnehåll för LSV:s nyhetswebbplats.

Allt innehåll är fiktivt: personer, projekt, enkäter och händelser är påhittade.
Texten är begränsad till tecken som ryms i Latin-1.
"""

from datetime import date

HOME_INTRO = (
    "LSV är en idéburen organisation som arbetar för att fler sociala innovationer "
    "ska komma till nytta där människor bor och lever. Vi för samman kommuner, "
    "föreningar, sociala företag och forskare för att pröva nya lösningar på gamla "
    "problem – och för att ta reda på vad som faktiskt fungerar. Här hittar du "
    "nyheter, rapporter och röster från vårt nätverk."
)

TOPICS = [
    "Psykisk hälsa",
    "Integration",
    "Socialt företagande",
    "Bostad",
    "Unga",
    "Effektmätning",
    "Civilsamhälle",
    "Kommuner",
]

PEOPLE = [
    {
        "name": "Maria Lindqvist",
        "role": "Verksamhetschef",
        "organisation": "LSV",
        "quote": "Social innovation handlar mindre om nya idéer än om modet att förändra hur vi arbetar tillsammans.",
        "bio": [
            "Maria Lindqvist är verksamhetschef på LSV sedan 2022. Hon har tidigare "
            "arbetat som socialchef i två mellanstora kommuner och som utredare på ett "
            "regionförbund, med fokus på samverkan mellan offentlig sektor och civilsamhälle.",
            "På LSV leder hon arbetet med organisationens strategi och partnerskap. Hon "
            "föreläser ofta om tillitsbaserat ledarskap och om hur kommuner kan skapa "
            "utrymme för att pröva nytt utan att tumma på rättssäkerheten. Hon bor i "
            "Västerås och sjunger i kör på fritiden.",
        ],
        "email": "maria.lindqvist@example.org",
        "website": "https://example.org/lsv/maria-lindqvist",
        "color": "#2a6f97",
    },
    {
        "name": "Ahmed Yusuf",
        "headline": "Ahmed hittar jobben som inte syns i platsannonserna",
        "intro": (
            "Många nyanlända har mer arbetslivserfarenhet än deras cv visar. Ahmed Yusuf berättar hur språkcaféer och arbetsgivare i Dalarna har börjat mötas kring vad människor faktiskt kan – inte vilka papper de har."
        ),
        "role": "Projektledare för integration och arbete",
        "organisation": "LSV",
        "quote": "Den som får en plats att bidra med något hittar också vägen in i samhället.",
        "bio": [
            "Ahmed Yusuf är projektledare på LSV med ansvar för satsningarna inom "
            "integration och arbetsmarknad. Han kom till Sverige som sjuttonåring och "
            "har en bakgrund som studie- och yrkesvägledare i Borlänge kommun.",
            "Han arbetar nära språkcaféer, studieförbund och arbetsgivare för att hitta "
            "vägar till jobb som bygger på människors faktiska erfarenheter snarare än "
            "på formella meriter. Ahmed är också en uppskattad samtalsledare och leder "
            "LSV:s återkommande rundabordssamtal om arbetsintegration.",
        ],
        "email": "ahmed.yusuf@example.org",
        "website": "",
        "color": "#c8553d",
    },
    {
        "name": "Johanna Berg",
        "headline": "Johanna förklarar varför färre indikatorer ger bättre uppföljning",
        "intro": (
            "Små föreningar drunknar ofta i mått som ingen läser. Johanna Berg menar att den viktigaste frågan i all effektmätning är enkel: ”Vad vill vi egentligen förändra, och hur skulle vi märka det?”"
        ),
        "role": "Analytiker inom effektmätning",
        "organisation": "LSV",
        "quote": "Bra effektmätning börjar med en ärlig fråga om vad man egentligen vill förändra.",
        "bio": [
            "Johanna Berg är statsvetare och analytiker på LSV, där hon ansvarar för "
            "metodstöd kring uppföljning och effektmätning. Innan hon kom till LSV "
            "arbetade hon med utvärdering av arbetsmarknadsinsatser på en statlig myndighet.",
            "Hon har utvecklat LSV:s verktygslåda för små föreningar som vill följa upp "
            "sitt arbete utan att drunkna i indikatorer. Johanna undervisar också "
            "återkommande på en uppdragsutbildning i programteori och utvärdering.",
        ],
        "email": "johanna.berg@example.org",
        "website": "https://example.org/lsv/johanna-berg",
        "color": "#588157",
    },
    {
        "name": "Elif Demir",
        "headline": "Elif vill att kommunerna ska våga visa sina misslyckanden",
        "intro": (
            "När tjugo kommuner delar sina lägesbilder blir också det som inte fungerade synligt. Elif Demir berättar varför hon ser det som nätverkets största tillgång – och vad som krävs för att kommunerna ska våga."
        ),
        "role": "Kommunutvecklare",
        "organisation": "Samverkansforum Mellansverige",
        "quote": "Kommuner som vågar dela sina misslyckanden lär sig snabbare än de som bara delar sina framgångar.",
        "bio": [
            "Elif Demir arbetar som kommunutvecklare på Samverkansforum Mellansverige, "
            "ett nätverk för ett tjugotal kommuner som samarbetar kring välfärdsfrågor. "
            "Hon är socionom och har arbetat många år med ekonomiskt bistånd och "
            "bostadssociala frågor.",
            "I samarbetet med LSV driver hon frågor om datadelning, gemensamma "
            "lägesbilder och hur kommuner kan samverka med idéburna organisationer "
            "genom partnerskap. Elif sitter även i styrelsen för en ideell förening för "
            "unga med funktionsnedsättning.",
        ],
        "email": "elif.demir@example.org",
        "website": "",
        "color": "#8e5572",
    },
    {
        "name": "Tomas Nyberg",
        "role": "Vd",
        "organisation": "Verkstan Sydost ekonomisk förening",
        "quote": "Ett socialt företag ska bedömas på vad det åstadkommer, inte på hur väl det passar in i en blankett.",
        "bio": [
            "Tomas Nyberg är vd för Verkstan Sydost, ett arbetsintegrerande socialt "
            "företag i Karlskrona som reparerar möbler, cyklar och hemelektronik. "
            "Företaget har i dag ett fyrtiotal medarbetare, varav många har stått långt "
            "från arbetsmarknaden.",
            "Tomas har tidigare drivit ett eget snickeriföretag och kom in i den sociala "
            "ekonomin nästan av en slump. I dag är han en av de tydligaste rösterna för "
            "bättre villkor för sociala företag i offentlig upphandling och sitter med i "
            "LSV:s referensgrupp för socialt företagande.",
        ],
        "email": "tomas.nyberg@example.org",
        "website": "https://example.org/verkstan-sydost",
        "color": "#bc6c25",
    },
    {
        "name": "Nadia Rahimi",
        "role": "Forskare i folkhälsovetenskap",
        "organisation": "Institutet för närsamhällesforskning",
        "quote": "Unga berättar ofta om sin psykiska hälsa genom hur de bor, inte genom diagnoser.",
        "bio": [
            "Nadia Rahimi är forskare i folkhälsovetenskap vid Institutet för "
            "närsamhällesforskning. Hennes forskning handlar om hur boendemiljö, "
            "trygghet och sociala nätverk påverkar ungas psykiska hälsa.",
            "Hon disputerade 2019 med en avhandling om unga vuxnas väg ut ur hemlöshet "
            "och samarbetar sedan flera år med LSV i projekt som kopplar samman "
            "forskning och praktik. Nadia är en flitigt anlitad föreläsare för kommuner "
            "och bostadsbolag.",
        ],
        "email": "nadia.rahimi@example.org",
        "website": "https://example.org/narsamhalle/nadia-rahimi",
        "color": "#3d5a80",
    },
]

ARTICLES = [
    # 1
    {
        "title": "LSV lanserar nationellt nätverk för sociala innovatörer",
        "lead": "Under våren startar LSV ett nätverk där kommuner, föreningar och sociala "
        "företag ska dela erfarenheter av att pröva nya arbetssätt. Redan första "
        "veckan anmälde över sextio organisationer intresse.",
        "date": date(2026, 1, 14),
        "updated": None,
        "topics": ["Civilsamhälle", "Kommuner"],
        "authors": ["Johanna Berg"],
        "hero_caption": "Nätverket ska samla aktörer från hela landet.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Det nya nätverket, som fått arbetsnamnet Innovationsrummet, riktar sig "
                "till alla som arbetar med att utveckla välfärden lokalt. Tanken är att deltagarna "
                "ska träffas digitalt en gång i månaden och fysiskt två gånger per år. Varje träff "
                "utgår från ett konkret problem som någon av deltagarna brottas med just nu.",
            ),
            (
                "paragraph",
                "Bakgrunden är att många goda initiativ stannar i den kommun eller "
                "förening där de uppstod. Samtidigt uppfinns liknande lösningar gång på gång på "
                "andra håll, ofta utan att de inblandade känner till varandra. Med nätverket vill "
                "LSV göra det lättare att låna, anpassa och förbättra det som redan finns.",
            ),
            ("heading", "Från goda exempel till gemensamt lärande"),
            (
                "paragraph",
                "Enligt Maria Lindqvist, verksamhetschef på LSV, räcker det inte att "
                "sprida goda exempel. Det som ofta saknas är berättelserna om vad som inte fungerade "
                "och varför. I nätverket ska deltagarna därför uppmuntras att dela även de försök "
                "som misslyckades.",
            ),
            (
                "quote",
                "Vi har fått nog av glansiga projektrapporter. Det verkliga lärandet sker "
                "när någon vågar säga att det här gick inte alls som vi hade tänkt oss.",
                "Maria Lindqvist, verksamhetschef på LSV",
            ),
            (
                "paragraph",
                "Nätverket finansieras under de två första åren med stöd från en privat "
                "stiftelse och genom deltagaravgifter som anpassas efter organisationens storlek. "
                "Ideella föreningar med få anställda deltar kostnadsfritt. Den första fysiska "
                "träffen äger rum i Örebro i maj.",
            ),
        ],
        "read_more": [
            "Civilsamhällets roll i krisberedskap behöver formaliseras",
            "Maria Lindqvist",
        ],
    },
    # 2
    {
        "title": "Boende & hälsa: ”Vi måste sluta arbeta i stuprör”",
        "lead": "När bostadsbolag, socialtjänst och vård arbetar var för sig faller de mest "
        "utsatta hyresgästerna mellan stolarna. På ett seminarium i Västerås "
        "diskuterades hur samarbetet kan bli bättre.",
        "date": date(2026, 2, 3),
        "updated": None,
        "topics": ["Bostad", "Psykisk hälsa", "Kommuner"],
        "authors": ["Ahmed Yusuf", "Johanna Berg"],
        "hero_caption": "Seminariet samlade ett åttiotal deltagare från bostadsbolag, kommuner och regioner.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Det var fullsatt när LSV och Samverkansforum Mellansverige bjöd in till "
                "seminarium om boende och psykisk hälsa i Västerås. Bland deltagarna fanns allt från "
                "fastighetsvärdar och socialsekreterare till psykiatrisjuksköterskor och företrädare "
                "för hyresgästföreningar. Gemensamt för många var en frustration över att ingen "
                "tycks äga helheten.",
            ),
            ("heading", "Vräkningen som varningssignal"),
            (
                "paragraph",
                "Forskaren Nadia Rahimi inledde med att beskriva hur hyresskulder och "
                "störningsärenden ofta är de första synliga tecknen på att en person mår dåligt. När "
                "ärendet väl når socialtjänsten har situationen i många fall hunnit bli akut. Hon "
                "efterlyste därför tidigare kontakt mellan hyresvärd och stödinsatser, med "
                "hyresgästens samtycke.",
            ),
            (
                "quote",
                "Vi måste sluta arbeta i stuprör. En vräkning är sällan bara en bostadsfråga, "
                "den är ofta slutet på en lång kedja av missade möjligheter att hjälpa.",
                "Nadia Rahimi, forskare i folkhälsovetenskap",
            ),
            (
                "paragraph",
                "Flera kommuner berättade om försök med så kallade boendestödjare som "
                "anställs gemensamt av kommunen och bostadsbolaget. I Eskilstuna har en sådan tjänst "
                "funnits i drygt ett år, och antalet avhysningar i det berörda bostadsområdet har "
                "enligt kommunen minskat. Samtidigt underströk flera talare att det är för tidigt att "
                "dra säkra slutsatser.",
            ),
            ("heading", "Sekretessen är inte hela förklaringen"),
            (
                "paragraph",
                "Ofta pekas sekretessen ut som det stora hindret för samverkan. Elif Demir "
                "från Samverkansforum Mellansverige menade dock att det många gånger handlar om "
                "kultur snarare än om lagstiftning. Man kommer långt genom att fråga den enskilde om "
                "samtycke och bygga upp förtroende mellan organisationerna innan krisen är ett faktum.",
            ),
            (
                "paragraph",
                "Seminariet avslutades med att deltagarna formulerade tre gemensamma "
                "åtaganden inför nästa år. Bland dem finns att ta fram en gemensam rutin för tidiga "
                "signaler om hyresskulder och att pröva gemensam kompetensutveckling för "
                "fastighetsvärdar och socialsekreterare.",
            ),
        ],
        "read_more": [
            "Unga, boende och psykisk hälsa: en kunskapsöversikt",
            "Bostadsförsörjning för nyanlända: tre lärdomar från Östersund",
        ],
    },
    # 3
    {
        "title": "Så får unga i Härjedalen större inflytande över fritiden",
        "lead": "Med en egen budget och ett ungdomsråd som fattar riktiga beslut har unga i "
        "Härjedalen fått ett helt annat inflytande över vad som händer på fritiden. "
        "Nu vill fler glesbygdskommuner pröva modellen.",
        "date": date(2026, 2, 24),
        "updated": None,
        "topics": ["Unga", "Kommuner"],
        "authors": ["Ahmed Yusuf", "Nadia Rahimi"],
        "hero_caption": "I Härjedalen bestämmer ungdomsrådet själva hur en del av fritidsbudgeten ska användas.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "För två år sedan bestämde sig Härjedalens kommun för att lämna över en "
                "del av fritidsbudgeten till ett ungdomsråd. Rådet består av tolv unga mellan 13 och "
                "20 år från olika delar av kommunen. De fördelar i dag drygt 400 000 kronor per år "
                "till aktiviteter som unga själva har föreslagit.",
            ),
            (
                "paragraph",
                "Avstånden är en av de största utmaningarna i en kommun där det kan vara "
                "över tio mil mellan orterna. Ungdomsrådet har därför valt att prioritera aktiviteter "
                "som kan genomföras på flera orter, och att ordna samåkning och kvällsbussar när det "
                "behövs. Flera förslag har handlat om enkla saker, som längre öppettider i "
                "idrottshallen och en plats att vara på under helgerna.",
            ),
            (
                "image",
                "Ungdomsrådet träffas varannan vecka, ibland digitalt och ibland på plats.",
                "Abstrakt illustration med cirklar i olika storlekar som är sammanbundna av tunna "
                "linjer mot en blågrön bakgrund",
            ),
            ("heading", "Verklig makt ger verkligt engagemang"),
            (
                "paragraph",
                "Det som skiljer modellen från många andra former av ungdomsinflytande är "
                "att besluten faktiskt gäller. Politikerna har förbundit sig att inte ändra rådets "
                "beslut så länge det håller sig inom budget och lagstiftning. Enligt de unga själva "
                "är det just detta som gör att det känns meningsfullt att engagera sig.",
            ),
            (
                "quote",
                "Förut fick vi tycka saker i enkäter och sedan hände ingenting. Nu ser vi "
                "resultatet av det vi bestämmer, och då vill fler vara med.",
                "Wilma Persson, ledamot i ungdomsrådet",
            ),
            (
                "paragraph",
                "LSV följer arbetet och har bidragit med stöd kring hur rådet kan följa upp "
                "vilka unga som nås av aktiviteterna. En första sammanställning visar att fler flickor "
                "och fler unga från de mindre orterna deltar än tidigare. Under hösten ska tre andra "
                "kommuner i norra Sverige pröva liknande upplägg.",
            ),
        ],
        "read_more": [
            "Psykisk ohälsa bland unga vuxna: tidiga insatser ger resultat i Umeå",
            "Ahmed Yusuf",
        ],
    },
    # 4
    {
        "title": "Ny modell ska göra effektmätning enklare för små föreningar",
        "lead": "Många ideella föreningar vill visa vad deras arbete leder till, men saknar tid "
        "och kunskap. LSV har tagit fram en förenklad modell som bygger på några få, "
        "noga utvalda frågor.",
        "date": date(2026, 3, 17),
        "updated": None,
        "topics": ["Effektmätning", "Civilsamhälle"],
        "authors": ["Johanna Berg"],
        "hero_caption": "Modellen har prövats av femton föreningar under hösten.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Kraven på att visa resultat har ökat för civilsamhällets organisationer. "
                "Bidragsgivare, kommuner och stiftelser vill i allt högre grad veta vad pengarna leder "
                "till. För en liten förening med en deltidsanställd och ett tjugotal aktiva ideella kan "
                "det dock kännas omöjligt att leva upp till förväntningarna.",
            ),
            (
                "paragraph",
                "LSV:s nya modell, som kallas Tre frågor, utgår från att det är bättre att "
                "mäta lite och göra det väl än att samla in stora mängder data som ingen hinner "
                "analysera. Föreningen väljer själv tre förändringar som den vill åstadkomma och "
                "formulerar en enkel fråga för var och en. Frågorna ställs sedan till deltagarna vid "
                "två tillfällen under året.",
            ),
            ("heading", "Prövad i femton föreningar"),
            (
                "paragraph",
                "Under hösten har modellen prövats av femton föreningar, bland annat en "
                "läxhjälpsverksamhet i Göteborg, en träffpunkt för äldre i Ljusdal och en "
                "idrottsförening i Rinkeby. Erfarenheterna visar att det svåraste inte är att samla in "
                "svaren utan att enas om vilka tre förändringar som är viktigast. Flera föreningar "
                "beskriver att just det samtalet har varit värdefullt i sig.",
            ),
            (
                "paragraph",
                "LSV betonar att modellen inte ersätter mer omfattande utvärderingar. Den "
                "är tänkt som ett första steg för organisationer som i dag inte följer upp sitt arbete "
                "alls. Den som vill gå vidare kan bygga på med fler frågor eller med kompletterande "
                "intervjuer.",
            ),
            ("heading", "Fri att använda"),
            (
                "paragraph",
                "Modellen och tillhörande mallar är fritt tillgängliga för alla som vill "
                "använda dem. Under våren erbjuder LSV dessutom fyra kostnadsfria digitala workshoppar "
                "där föreningar får hjälp att formulera sina frågor. Intresset har hittills varit stort "
                "och de första tillfällena är redan fullbokade.",
            ),
        ],
        "read_more": [],
    },
    # 5
    {
        "title": "Malmö testar sociala utfallskontrakt för att minska hemlöshet",
        "lead": "Malmö stad inleder ett försök där externa finansiärer bekostar bostadsstöd till "
        "personer i hemlöshet. Kommunen betalar bara om insatsen ger resultat.",
        "date": date(2026, 4, 8),
        "updated": (
            date(2026, 4, 22),
            "Uppdaterad med kommentar från socialnämndens ordförande och uppgift om antal deltagare.",
        ),
        "topics": ["Bostad", "Kommuner", "Effektmätning"],
        "authors": ["Elif Demir"],
        "hero_caption": "Försöket bygger på principen om bostad först.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Sociala utfallskontrakt, ibland kallade sociala obligationer, har "
                "diskuterats i Sverige i mer än ett decennium men använts i begränsad omfattning. Nu "
                "tar Malmö ett steg vidare med ett försök som riktar sig till personer i långvarig "
                "hemlöshet. Under fyra år ska 120 personer erbjudas en egen bostad och individuellt "
                "anpassat stöd.",
            ),
            (
                "paragraph",
                "Upplägget innebär att två externa finansiärer står för kostnaderna för "
                "stödet under försöksperioden. Om fastställda mål uppnås, exempelvis att deltagarna "
                "fortfarande har kvar sin bostad efter två år, betalar kommunen tillbaka investeringen "
                "med en begränsad avkastning. Om målen inte nås står finansiärerna för förlusten.",
            ),
            (
                "image",
                "Försöket omfattar 120 personer i långvarig hemlöshet.",
                "Abstrakt illustration av ett hus byggt av färgade rektanglar som överlappar varandra "
                "i varma toner",
            ),
            ("heading", "Kritik mot att vinst kopplas till välfärd"),
            (
                "paragraph",
                "Alla är inte positiva till modellen. Kritiker menar att det är olämpligt "
                "att privata aktörer kan tjäna pengar på insatser för människor i utsatta situationer, "
                "och att utfallsmåtten riskerar att styra bort från det som är svårt att mäta. Andra "
                "framhåller att modellen flyttar risken från kommunen och kan ge utrymme för insatser "
                "som annars inte hade blivit av.",
            ),
            (
                "quote",
                "Det viktiga är inte finansieringsformen i sig, utan att vi äntligen mäter om "
                "människor faktiskt får ett stabilt boende. Det har vi varit dåliga på.",
                "Johanna Berg, analytiker på LSV",
            ),
            (
                "paragraph",
                "Socialnämndens ordförande säger i en kommentar att kommunen har lagt stor "
                "vikt vid att utfallsmåtten ska utgå från deltagarnas egna mål och inte bara från det "
                "som är enkelt att räkna. LSV kommer att följa försöket och publicera en oberoende "
                "uppföljning efter det första året.",
            ),
        ],
        "read_more": [
            "Boende & hälsa: ”Vi måste sluta arbeta i stuprör”",
            "Att mäta det som spelar roll: effektmätning i civilsamhället",
        ],
    },
    # 6
    {
        "title": "Språkcaféer blev en väg in på arbetsmarknaden i Borlänge",
        "lead": "Det som började som ett sätt att öva svenska över en kopp kaffe har blivit en "
        "fungerande bro mellan nyanlända och lokala arbetsgivare. Över fyrtio deltagare "
        "har fått jobb eller praktik det senaste året.",
        "date": date(2026, 4, 29),
        "updated": None,
        "topics": ["Integration", "Civilsamhälle"],
        "authors": ["Maria Lindqvist"],
        "hero_caption": "Språkcaféet i Borlänge träffas två kvällar i veckan.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "När studieförbundet och biblioteket i Borlänge startade sitt språkcafé "
                "var målet enkelt: att ge nyanlända ett tillfälle att prata svenska utanför "
                "klassrummet. Men efter ett tag märkte de ideella samtalsledarna att samtalen allt "
                "oftare handlade om jobb. Deltagarna ville veta hur man söker arbete, vad som förväntas "
                "på en intervju och vem man ska ringa.",
            ),
            (
                "paragraph",
                "I stället för att hänvisa vidare bjöd språkcaféet in lokala arbetsgivare "
                "att delta. Först kom ägaren till en bilverkstad, sedan en enhetschef från hemtjänsten "
                "och en rekryterare från ett logistikföretag. I dag har ett tjugotal arbetsgivare "
                "deltagit vid minst ett tillfälle.",
            ),
            ("heading", "Samtalet före ansökan"),
            (
                "paragraph",
                "Flera arbetsgivare beskriver att det avgörande har varit att få träffa "
                "människor innan det blir en formell rekryteringssituation. I ett vanligt samtal om "
                "väder, familj och fotboll blir det tydligt vad en person kan, även när språket ännu "
                "inte är perfekt. Det sänker trösklarna åt båda hållen.",
            ),
            (
                "quote",
                "Jag hade aldrig kallat honom till intervju baserat på hans cv. Efter tre "
                "kvällar på språkcaféet visste jag att han var precis den jag behövde.",
                "Peter Holm, ägare till en bilverkstad i Borlänge",
            ),
            (
                "paragraph",
                "Ahmed Yusuf på LSV, som själv arbetat som studie- och yrkesvägledare i "
                "Borlänge, menar att exemplet visar hur civilsamhället kan nå grupper som de offentliga "
                "insatserna har svårt att nå. Samtidigt varnar han för att lägga för stort ansvar på "
                "ideella krafter. Språkcaféet drivs fortfarande helt av volontärer och saknar "
                "långsiktig finansiering.",
            ),
            (
                "paragraph",
                "Under våren har LSV tillsammans med studieförbundet dokumenterat "
                "arbetssättet i en enkel handledning. Målet är att fler språkcaféer runt om i landet "
                "ska kunna ta samma steg. Redan nu har grupper i Falun och Ludvika hört av sig.",
            ),
        ],
        "read_more": ["Bostadsförsörjning för nyanlända: tre lärdomar från Östersund"],
    },
    # 7
    {
        "title": "Sociala företag efterfrågar tydligare regler vid offentlig upphandling",
        "lead": "Möjligheten att ställa sociala krav i offentlig upphandling har funnits länge men "
        "används sällan. En ny enkät bland arbetsintegrerande sociala företag visar att "
        "många upplever att de stängs ute.",
        "date": date(2026, 5, 20),
        "updated": None,
        "topics": ["Socialt företagande", "Kommuner"],
        "authors": ["Johanna Berg", "Ahmed Yusuf"],
        "hero_caption": "Många sociala företag vill leverera till offentlig sektor men upplever att trösklarna är höga.",
        "hero_credit": "Grafik: LSV",
        "body": [
            (
                "paragraph",
                "Enkäten genomfördes under våren bland 140 arbetsintegrerande sociala "
                "företag i hela landet. Sju av tio svarar att de har avstått från att lämna anbud i en "
                "offentlig upphandling under det senaste året, trots att de bedömde att de kunde "
                "leverera det som efterfrågades. Det vanligaste skälet är omfattande krav på "
                "dokumentation och referenser.",
            ),
            (
                "paragraph",
                "Samtidigt finns det sedan länge möjlighet för upphandlande myndigheter att "
                "reservera kontrakt för organisationer vars huvudsyfte är att integrera personer med "
                "funktionsnedsättning eller personer som står långt från arbetsmarknaden. Enligt "
                "enkäten har bara ett fåtal av företagen någon gång deltagit i en sådan reserverad "
                "upphandling.",
            ),
            ("heading", "Små kontrakt, stor skillnad"),
            (
                "paragraph",
                "Tomas Nyberg, vd för Verkstan Sydost i Karlskrona, menar att det inte "
                "handlar om att sociala företag ska få fördelar, utan om att upphandlingarna ska "
                "utformas så att fler kan delta. Ofta kan det räcka med att dela upp ett stort kontrakt "
                "i mindre delar eller att tillåta samarbeten mellan flera leverantörer. För ett företag "
                "med trettio anställda kan ett enda kontrakt avgöra om man kan anställa fler.",
            ),
            (
                "paragraph",
                "Flera kommuner har redan börjat arbeta mer strategiskt med sociala "
                "hänsyn. I Karlskrona har kommunen infört en rutin där varje större upphandling prövas "
                "mot frågan om den kan reserveras eller delas upp. Enligt kommunens upphandlingschef "
                "har det hittills inte lett till högre kostnader.",
            ),
            ("heading", "Förslag till förändring"),
            (
                "paragraph",
                "I en rapport som presenteras i samband med enkäten föreslår LSV:s "
                "referensgrupp för socialt företagande bland annat en nationell vägledning för "
                "reserverade kontrakt och ett stöd för kommuner som vill pröva sociala krav för första "
                "gången. Gruppen vill också att effekterna av sociala hänsyn följs upp systematiskt, "
                "så att kunskapen om vad de leder till blir bättre.",
            ),
        ],
        "read_more": [],
    },
    # 8
    {
        "title": "Psykisk ohälsa bland unga vuxna: tidiga insatser ger resultat i Umeå",
        "lead": "En samverkan mellan Umeå kommun, regionen och tre ideella föreningar har gjort "
        "det lättare för unga vuxna att få stöd innan problemen växer. Väntetiderna har "
        "kortats och fler söker hjälp tidigt.",
        "date": date(2026, 6, 11),
        "updated": None,
        "topics": ["Psykisk hälsa", "Unga", "Civilsamhälle"],
        "authors": ["Elif Demir"],
        "hero_caption": "Mottagningen har öppet även kvällstid.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Unga vuxna mellan 18 och 25 år hamnar ofta i ett glapp. De är för gamla "
                "för barn- och ungdomspsykiatrin, och vuxenpsykiatrin är sällan utformad för den som "
                "mår dåligt men inte är allvarligt sjuk. I Umeå har man försökt täppa till glappet med "
                "en gemensam mottagning dit unga kan vända sig utan remiss.",
            ),
            (
                "paragraph",
                "Mottagningen bemannas av kuratorer från kommunen, sjuksköterskor från "
                "regionen och samtalsstödjare från tre ideella föreningar. Den som hör av sig får en "
                "första kontakt inom en vecka. Därefter bedöms gemensamt vilken typ av stöd som passar "
                "bäst, från enstaka samtal och gruppverksamhet till remiss vidare inom vården.",
            ),
            ("heading", "Föreningarna når dem som annars inte söker"),
            (
                "paragraph",
                "En viktig del av modellen är att föreningarna finns på plats där unga "
                "redan befinner sig, till exempel på universitetet, i idrottsföreningar och på "
                "ungdomsgårdar. Många av dem som kommer till mottagningen har fått tips av en "
                "samtalsstödjare de träffat i ett annat sammanhang. Enligt uppföljningen har nästan "
                "hälften aldrig tidigare sökt stöd för sitt mående.",
            ),
            (
                "quote",
                "Vi ser att tröskeln sänks när den första kontakten sker med någon som inte "
                "representerar en myndighet. Det gör det lättare att berätta hur man faktiskt har det.",
                "Nadia Rahimi, forskare i folkhälsovetenskap",
            ),
            (
                "paragraph",
                "Nadia Rahimi, som följer projektet på uppdrag av LSV, lyfter samtidigt "
                "fram att det krävs tydliga rutiner när ideella och offentliga aktörer arbetar "
                "tillsammans. Frågor om dokumentation, ansvar och vad som händer om en ung person "
                "berättar om allvarliga problem behöver vara lösta från början. I Umeå har man lagt "
                "mycket tid på just detta.",
            ),
            (
                "paragraph",
                "Den genomsnittliga väntetiden till ett första samtal har sjunkit från sju "
                "veckor till sex dagar sedan mottagningen öppnade. Kommunen och regionen har nu "
                "beslutat att permanenta verksamheten och att utvärdera den vidare under de kommande "
                "tre åren.",
            ),
        ],
        "read_more": [
            "Unga, boende och psykisk hälsa: en kunskapsöversikt",
            "Så får unga i Härjedalen större inflytande över fritiden",
        ],
    },
    # 9
    {
        "title": "Civilsamhällets roll i krisberedskap behöver formaliseras",
        "lead": "Under pandemin och vid flera kriser sedan dess har ideella organisationer tagit "
        "ett stort ansvar. Men i kommunernas beredskapsplaner syns de sällan, visar en "
        "genomgång som LSV har gjort.",
        "date": date(2026, 8, 19),
        "updated": None,
        "topics": ["Civilsamhälle", "Kommuner"],
        "authors": ["Ahmed Yusuf"],
        "hero_caption": "Frivilliga insatser blir ofta avgörande när en kris slår till.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "LSV har gått igenom beredskapsplaner och risk- och sårbarhetsanalyser från "
                "trettio kommuner av olika storlek. I nästan alla nämns frivilliga resursgrupper och "
                "trossamfund som möjliga resurser. Men bara ett fåtal beskriver konkret hur samarbetet "
                "ska gå till, vem som har kontakt med vem och vilka uppgifter föreningarna kan ta.",
            ),
            (
                "paragraph",
                "Erfarenheterna från de senaste åren visar att civilsamhället ofta är "
                "snabbare än myndigheterna på att nå ut till grupper som är svåra att nå. Det kan "
                "handla om att sprida information på flera språk, att handla mat åt äldre eller att "
                "öppna lokaler som värmestugor vid strömavbrott. Problemet är att samordningen ofta "
                "sker ad hoc, vilket gör insatserna sårbara.",
            ),
            ("heading", "Överenskommelser i förväg i stället för improvisation"),
            (
                "paragraph",
                "Genomgången visar att de kommuner som har skriftliga överenskommelser med "
                "lokala föreningar kunde agera snabbare vid de senaste större störningarna. "
                "Överenskommelserna behöver inte vara omfattande. Det viktiga är att det finns "
                "kontaktuppgifter, en gemensam bild av vad var och en kan bidra med och att samarbetet "
                "övas regelbundet.",
            ),
            (
                "quote",
                "Det är för sent att byta visitkort när krisen redan är här. Förtroendet mellan "
                "kommun och civilsamhälle måste byggas långt innan det behövs.",
                "Elif Demir, kommunutvecklare på Samverkansforum Mellansverige",
            ),
            (
                "paragraph",
                "LSV föreslår att kommunerna i sitt beredskapsarbete tar fram en enkel karta "
                "över vilka föreningar som finns lokalt och vilka resurser de har. Organisationen vill "
                "också att de statliga medel som går till kommunernas civila beredskap i högre grad ska "
                "kunna användas för att stärka föreningarnas förmåga.",
            ),
            (
                "paragraph",
                "Maria Lindqvist, verksamhetschef på LSV, påpekar att föreningarna själva "
                "också behöver fundera över sin roll. Alla vill inte, eller kan inte, ta ett formellt "
                "ansvar vid en kris, och det måste respekteras. Men för dem som vill är det viktigt att "
                "få möjlighet att förbereda sig.",
            ),
        ],
        "read_more": [
            "LSV lanserar nationellt nätverk för sociala innovatörer",
            "Ideella föreningar tappar medlemmar – men engagemanget finns kvar",
        ],
    },
    # 10
    {
        "title": "Tio kommuner delar data för att förstå barnfattigdom",
        "lead": "Genom att föra samman avidentifierade uppgifter från socialtjänst, skola och "
        "fritidsverksamhet vill tio kommuner få en tydligare bild av hur ekonomisk "
        "utsatthet påverkar barns vardag. Projektet väcker både förhoppningar och frågor.",
        "date": date(2026, 9, 2),
        "updated": (
            date(2026, 9, 16),
            "Förtydligat hur uppgifterna avidentifieras och hur projektet har granskats.",
        ),
        "topics": ["Kommuner", "Unga", "Effektmätning"],
        "authors": ["Johanna Berg"],
        "hero_caption": "Projektet bygger på avidentifierade uppgifter från flera förvaltningar.",
        "hero_credit": "Grafik: LSV",
        "body": [
            (
                "paragraph",
                "Det är välkänt att barn i familjer med låga inkomster i mindre "
                "utsträckning deltar i organiserade fritidsaktiviteter och oftare har sämre "
                "skolresultat. Men på lokal nivå saknas ofta kunskap om var behoven är störst och "
                "vilka insatser som gör skillnad. Det vill tio kommuner i Mellansverige nu ändra på.",
            ),
            (
                "paragraph",
                "Inom projektet sammanställs uppgifter om bland annat ekonomiskt bistånd, "
                "frånvaro i skolan och deltagande i kommunala fritidsaktiviteter. Uppgifterna "
                "avidentifieras innan de förs samman och redovisas endast på övergripande nivå, till "
                "exempel per skolområde. Inga uppgifter om enskilda barn eller familjer ska gå att "
                "utläsa.",
            ),
            (
                "image",
                "Lägesbilden ska visa mönster på områdesnivå, inte uppgifter om enskilda.",
                "Abstrakt illustration av ett rutnät med rutor i olika nyanser av grönt och gult som "
                "påminner om en karta",
            ),
            ("heading", "Från siffror till samtal"),
            (
                "paragraph",
                "Elif Demir på Samverkansforum Mellansverige, som samordnar projektet, "
                "betonar att data i sig inte löser några problem. Syftet är att ge politiker, "
                "tjänstepersoner och föreningar ett gemensamt underlag för att prioritera. Därför "
                "kommer resultaten att diskuteras i dialogmöten dit även föräldrar och unga bjuds in.",
            ),
            (
                "quote",
                "Siffrorna kan visa var vi ska börja leta, men det är familjerna själva som kan "
                "berätta vad som behövs.",
                "Elif Demir, kommunutvecklare på Samverkansforum Mellansverige",
            ),
            (
                "paragraph",
                "Projektet har granskats av kommunernas dataskyddsombud och har en "
                "referensgrupp med forskare och företrädare för civilsamhället. Några föreningar har "
                "ändå uttryckt oro för att uppgifterna ska användas för kontroll snarare än stöd. "
                "Kommunerna har därför tagit fram gemensamma principer för hur resultaten får användas.",
            ),
            (
                "paragraph",
                "De första lägesbilderna beräknas vara klara i början av nästa år. Om "
                "arbetet faller väl ut kan fler kommuner ansluta sig, och LSV kommer att dokumentera "
                "erfarenheterna i en metodrapport.",
            ),
        ],
        "read_more": [
            "Från projekt till ordinarie verksamhet: hur sociala innovationer blir kvar",
            "Elif Demir",
        ],
    },
    # 11
    {
        "title": "Bostadsförsörjning för nyanlända: tre lärdomar från Östersund",
        "lead": "Östersunds kommun har på tre år halverat antalet nyanlända som bor i tillfälliga "
        "lösningar. Nyckeln har varit samarbete med privata hyresvärdar och ett tydligt "
        "fokus på boendekunskap.",
        "date": date(2026, 9, 23),
        "updated": None,
        "topics": ["Bostad", "Integration", "Kommuner"],
        "authors": ["Ahmed Yusuf", "Elif Demir"],
        "hero_caption": "Samarbetet med privata hyresvärdar har varit en framgångsfaktor.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Som många andra kommuner har Östersund länge haft svårt att hitta "
                "bostäder åt nyanlända som anvisas till kommunen. Tillfälliga lösningar i form av "
                "korridorboenden och korta andrahandskontrakt har varit vanliga. Det har gjort det "
                "svårt för familjer att slå rot och för barn att gå kvar i samma skola.",
            ),
            (
                "paragraph",
                "För tre år sedan beslutade kommunen att ändra strategi. I stället för att "
                "själv stå som hyresgäst och hyra ut i andra hand började kommunen agera mellanhand och "
                "stöd, så att nyanlända kan få egna förstahandskontrakt. Här är tre lärdomar från "
                "arbetet.",
            ),
            ("heading", "1. Hyresvärdarna behöver en kontaktperson"),
            (
                "paragraph",
                "Många privata hyresvärdar var positiva till att hyra ut till nyanlända, "
                "men oroade sig för vad som skulle hända om något gick fel. Kommunen inrättade därför "
                "en funktion där hyresvärdarna alltid har en namngiven kontaktperson att vända sig "
                "till. Det har gjort att fler hyresvärdar har vågat ta steget.",
            ),
            ("heading", "2. Boendekunskap är en investering"),
            (
                "paragraph",
                "Alla nyanlända som får ett kontrakt går en kurs i boendekunskap som drivs "
                "av en lokal hyresgästförening. Där tas allt upp, från hur man betalar hyran och "
                "sorterar avfall till vilka rättigheter man har som hyresgäst. Kursen hålls på flera "
                "språk och kompletteras med hembesök under det första året.",
            ),
            ("heading", "3. Ingen klarar uppgiften ensam"),
            (
                "paragraph",
                "Den tredje lärdomen är att ingen enskild aktör klarar uppgiften. Kommunen "
                "samarbetar med föreningar som hjälper till med allt från flytt och möbler till att "
                "skapa kontakter i grannskapet. Enligt kommunen är det just det sociala sammanhanget "
                "som gör att familjerna stannar kvar i Östersund.",
            ),
        ],
        "read_more": [],
    },
    # 12
    {
        "title": "Ideella föreningar tappar medlemmar – men engagemanget finns kvar",
        "lead": "Allt färre betalar medlemsavgift i en förening, men viljan att göra en insats är "
        "fortsatt stor, visar en ny enkät från LSV. Utmaningen för föreningarna är att "
        "fånga upp engagemanget när det uppstår.",
        "date": date(2026, 10, 7),
        "updated": None,
        "topics": ["Civilsamhälle"],
        "authors": ["Maria Lindqvist"],
        "hero_caption": "Många vill engagera sig, men på nya villkor.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Enkäten besvarades av drygt 2 000 personer i åldrarna 16 till 80 år. "
                "Andelen som uppger att de är medlemmar i minst en ideell förening har minskat jämfört "
                "med motsvarande undersökning för fem år sedan. Samtidigt svarar mer än hälften att de "
                "har gjort någon form av ideell insats under det senaste året.",
            ),
            (
                "paragraph",
                "Det handlar i många fall om kortare och mer tillfälliga insatser. Man "
                "hjälper till vid ett evenemang, samlar in kläder efter en brand eller ställer upp som "
                "läxhjälp under en termin. Särskilt bland yngre är det vanligt att engagemanget är "
                "kopplat till en specifik fråga snarare än till en organisation.",
            ),
            (
                "image",
                "Engagemanget har förändrats snarare än minskat.",
                "Abstrakt illustration av många små prickar i olika färger som tillsammans bildar ett "
                "vågliknande mönster",
            ),
            ("heading", "Föreningarna behöver nya ingångar"),
            (
                "paragraph",
                "För föreningarna innebär utvecklingen både en utmaning och en möjlighet. "
                "Den traditionella vägen, där man först blir medlem och sedan successivt tar på sig fler "
                "uppdrag, passar allt färre. De föreningar som lyckas bäst erbjuder tydliga och "
                "avgränsade uppdrag som går att ta utan att binda sig för lång tid.",
            ),
            (
                "paragraph",
                "Johanna Berg, analytiker på LSV, menar att föreningslivet riskerar att "
                "missa en stor grupp människor som vill göra något men inte vet hur. Hon efterlyser "
                "enklare digitala vägar in och att föreningar samarbetar kring gemensamma "
                "volontärbanker. Samtidigt måste föreningarna ta hand om dem som redan bär "
                "verksamheten, så att de inte bränner ut sig.",
            ),
            (
                "paragraph",
                "Enkäten visar också att förtroendet för ideella organisationer är "
                "fortsatt högt. Nästan åtta av tio uppger att de har stort eller mycket stort "
                "förtroende för föreningar som arbetar med sociala frågor. Den siffran har varit "
                "stabil över tid.",
            ),
        ],
        "read_more": [
            "Civilsamhällets roll i krisberedskap behöver formaliseras",
            "Att mäta det som spelar roll: effektmätning i civilsamhället",
            "Johanna Berg",
        ],
    },
    # 13
    {
        "title": "Kooperativ i Gävle skapar jobb åt långtidsarbetslösa",
        "lead": "Ett nystartat kooperativ i Gävle som sköter grönytor och enklare "
        "fastighetsservice har på ett år gett arbete åt tjugo personer som tidigare varit "
        "utan jobb i flera år. Nu växer verksamheten.",
        "date": date(2026, 10, 21),
        "updated": None,
        "topics": ["Socialt företagande", "Integration"],
        "authors": ["Tomas Nyberg", "Ahmed Yusuf"],
        "hero_caption": "Kooperativet sköter grönytor åt både bostadsbolag och privata fastighetsägare.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Kooperativet startades förra hösten av en grupp deltagare i en kommunal "
                "arbetsmarknadsinsats tillsammans med två handledare. I dag har det tjugo medarbetare, "
                "varav flera har varit utan arbete i mer än fem år. Ungefär hälften är födda utanför "
                "Sverige.",
            ),
            (
                "paragraph",
                "Verksamheten bygger på uppdrag från ett kommunalt bostadsbolag och ett par "
                "privata fastighetsägare. Arbetet omfattar gräsklippning, snöröjning, enklare "
                "reparationer och städning av gemensamma utrymmen. Under vintern har kooperativet "
                "också börjat hjälpa äldre med mindre sysslor i hemmet.",
            ),
            ("heading", "Ägarskap som drivkraft"),
            (
                "paragraph",
                "Det som skiljer kooperativet från många andra arbetsmarknadsinsatser är "
                "att medarbetarna också är delägare. Beslut om nya uppdrag, arbetstider och "
                "investeringar fattas gemensamt på månatliga möten. Flera medarbetare beskriver att det "
                "har gett en känsla av ansvar och stolthet som de inte upplevt tidigare.",
            ),
            (
                "quote",
                "För första gången på länge känner jag att det jag gör spelar roll. Det är vårt "
                "företag, och om vi gör ett dåligt jobb så märks det.",
                "Fatima Ali, medarbetare och delägare i kooperativet",
            ),
            (
                "paragraph",
                "Under det första året har kooperativets styrelse haft stöd av en mentor "
                "från LSV:s referensgrupp för socialt företagande. Enligt styrelsen är den största "
                "utmaningen nu att växa utan att förlora det som gör verksamheten unik. Fler uppdrag "
                "kräver mer administration, och det är lätt att handledningen får stå tillbaka.",
            ),
            (
                "paragraph",
                "Kooperativet har nyligen tecknat ett nytt avtal med bostadsbolaget som "
                "gäller i tre år. Det ger en ekonomisk stabilitet som gör det möjligt att anställa "
                "ytterligare fem personer under nästa år.",
            ),
        ],
        "read_more": [],
    },
    # 14
    {
        "title": "LSV:s höstkonferens: tillit, data och modet att avsluta projekt",
        "lead": "Över trehundra deltagare samlades i Norrköping när LSV höll sin årliga "
        "höstkonferens. Tre teman återkom under de två dagarna: tillit mellan aktörer, "
        "kloka sätt att använda data och vikten av att våga avsluta det som inte fungerar.",
        "date": date(2026, 11, 12),
        "updated": None,
        "topics": ["Civilsamhälle", "Kommuner", "Effektmätning"],
        "authors": ["Nadia Rahimi", "Ahmed Yusuf"],
        "hero_caption": "Höstkonferensen hölls i år i Norrköping.",
        "hero_credit": "Illustration: LSV",
        "body": [
            (
                "paragraph",
                "Konferensen inleddes av Maria Lindqvist, som konstaterade att intresset "
                "för social innovation aldrig har varit större. Samtidigt varnade hon för att ordet "
                "riskerar att bli tomt om det bara används för att beskriva nya projekt. Det verkliga "
                "måttet på innovation, menade hon, är om nya arbetssätt blir en del av den ordinarie "
                "verksamheten.",
            ),
            ("heading", "Tillit kräver tid"),
            (
                "paragraph",
                "Flera talare återkom till vikten av tillit, både mellan kommuner och "
                "föreningar och mellan chefer och medarbetare. En enhetschef från Norrköpings kommun "
                "berättade hur hennes verksamhet minskat antalet uppföljningsmått från över fyrtio "
                "till åtta och i stället lagt tid på samtal om vad som fungerar. Resultatet har blivit "
                "både nöjdare medarbetare och bättre underlag för beslut.",
            ),
            ("heading", "Data som stöd, inte som styrning"),
            (
                "paragraph",
                "Konferensens andra dag handlade mycket om data. Johanna Berg från LSV och "
                "Elif Demir från Samverkansforum Mellansverige höll ett gemensamt pass om hur "
                "uppföljning kan bli ett verktyg för lärande snarare än kontroll. De lyfte bland annat "
                "fram erfarenheterna från projektet där tio kommuner delar data om barns "
                "uppväxtvillkor.",
            ),
            (
                "quote",
                "Att avsluta ett projekt som inte fungerar är inte ett misslyckande. Det är ett "
                "tecken på att man faktiskt har lärt sig något.",
                "Tomas Nyberg, vd för Verkstan Sydost",
            ),
            (
                "paragraph",
                "Mest omtalat blev passet om konsten att avsluta. Flera deltagare vittnade "
                "om projekt som fått leva vidare långt efter att det stod klart att de inte gav önskat "
                "resultat, helt enkelt för att ingen ville fatta beslutet. Panelen efterlyste en kultur "
                "där det är lika naturligt att avveckla som att starta.",
            ),
            (
                "paragraph",
                "Nästa års konferens hålls i Luleå. Dokumentation från årets konferens, "
                "med presentationer och inspelade samtal, publiceras på LSV:s webbplats under de "
                "kommande veckorna.",
            ),
        ],
        "read_more": [
            "Tio kommuner delar data för att förstå barnfattigdom",
            "Från projekt till ordinarie verksamhet: hur sociala innovationer blir kvar",
            "Tomas Nyberg",
        ],
    },
]

WHITE_PAPERS = [
    {
        "title": "Att mäta det som spelar roll: effektmätning i civilsamhället",
        "summary": "Rapporten beskriver hur ideella organisationer och sociala företag kan följa "
        "upp sitt arbete på ett sätt som är både rimligt och meningsfullt. Den bygger på "
        "erfarenheter från ett trettiotal organisationer och ger konkreta råd för att "
        "komma igång.",
        "date": date(2026, 3, 5),
        "topics": ["Effektmätning", "Civilsamhälle", "Socialt företagande"],
        "authors": ["Johanna Berg", "Tomas Nyberg"],
        "body": [
            (
                "paragraph",
                "Allt fler organisationer i civilsamhället förväntas kunna visa vilka "
                "resultat deras arbete leder till. Det är i grunden en rimlig förväntan, men den möter "
                "ofta en verklighet där tid, pengar och metodkunskap saknas. I den här rapporten "
                "försöker vi ta förväntningarna på allvar utan att göra uppföljningen till ett "
                "självändamål.",
            ),
            ("heading", "Vad rapporten innehåller"),
            (
                "paragraph",
                "Rapporten går igenom vanliga fallgropar i arbetet med effektmätning och "
                "presenterar en enkel arbetsgång i fyra steg. Den innehåller också exempel från "
                "föreningar och sociala företag som har hittat sätt att följa upp sitt arbete som "
                "fungerar i praktiken. Sist finns rekommendationer till dem som finansierar "
                "civilsamhällets arbete.",
            ),
            (
                "quote",
                "Den viktigaste frågan är inte hur man mäter, utan varför och för vem.",
                "Johanna Berg, analytiker på LSV",
            ),
            ("heading", "För vem är rapporten skriven?"),
            (
                "paragraph",
                "Rapporten riktar sig i första hand till verksamhetsansvariga och "
                "styrelseledamöter i ideella organisationer och sociala företag. Den kan också vara "
                "användbar för kommuner, regioner och stiftelser som finansierar civilsamhällets "
                "arbete och vill ställa rimliga krav på uppföljning.",
            ),
        ],
        "pdf_sections": [
            (
                "Inledning",
                [
                    "Under det senaste decenniet har kraven på uppföljning och resultatredovisning ökat "
                    "kraftigt för civilsamhällets organisationer. Offentliga bidragsgivare, stiftelser och "
                    "företag som samarbetar med ideella aktörer vill veta vad deras stöd leder till. Även "
                    "organisationerna själva har ett växande intresse av att förstå om deras insatser gör "
                    "den skillnad som de hoppas på.",
                    "Samtidigt är förutsättningarna mycket olika. En stor riksorganisation kan ha egna "
                    "analytiker och avancerade system för datainsamling, medan en lokal förening kanske "
                    "drivs helt av ideella krafter. När samma förväntningar riktas mot båda blir "
                    "uppföljningen lätt antingen ytlig eller orimligt betungande.",
                    "Rapporten bygger på intervjuer och workshoppar med ett trettiotal organisationer "
                    "under 2025 och början av 2026. Syftet är att beskriva vad som fungerar i praktiken och "
                    "att föreslå en arbetsgång som går att anpassa efter organisationens storlek och "
                    "resurser.",
                ],
            ),
            (
                "Vanliga fallgropar",
                [
                    "Den vanligaste fallgropen är att börja i fel ände. Många organisationer frågar sig "
                    "först vad de kan mäta, i stället för vad de vill uppnå. Resultatet blir ofta långa "
                    "listor med aktivitetsmått, som antal deltagare eller antal träffar, som säger lite om "
                    "vilken förändring verksamheten faktiskt bidrar till.",
                    "En annan fallgrop är att låta finansiärens krav styra helt. När en organisation har "
                    "flera bidragsgivare med olika krav kan samma verksamhet följas upp på tre eller fyra "
                    "olika sätt, utan att någon av uppföljningarna blir användbar för organisationen själv. "
                    "Flera av dem vi talat med beskriver detta som ett av de största hindren för ett "
                    "meningsfullt lärande.",
                    "En tredje fallgrop är att samla in data som ingen hinner analysera. Enkäter skickas ut "
                    "och svar sammanställs, men resultaten diskuteras aldrig och leder inte till några "
                    "förändringar. Det riskerar dessutom att urholka deltagarnas vilja att svara nästa gång.",
                ],
            ),
            (
                "En arbetsgång i fyra steg",
                [
                    "Det första steget är att formulera vilken förändring verksamheten vill bidra till. Det "
                    "kan låta självklart, men i praktiken är det ofta här som de viktigaste samtalen sker. "
                    "Vi rekommenderar att organisationen begränsar sig till två eller tre förändringar som "
                    "är centrala för dess uppdrag.",
                    "Det andra steget är att för varje förändring välja en eller ett par frågor eller "
                    "indikatorer som kan ge en fingervisning om utvecklingen. Här gäller det att vara "
                    "realistisk. En enkel fråga som ställs konsekvent till deltagarna vid två tillfällen ger "
                    "ofta mer värdefull kunskap än en omfattande enkät som genomförs en enda gång.",
                    "Det tredje steget är att samla in informationen på ett sätt som respekterar "
                    "deltagarnas integritet och tid. Det fjärde och kanske viktigaste steget är att avsätta "
                    "tid för att gemensamt diskutera vad resultaten betyder och vad de bör leda till. "
                    "Uppföljning som inte används är i praktiken bortkastad.",
                ],
            ),
            (
                "Exempel från verksamheter",
                [
                    "En läxhjälpsverksamhet i Göteborg har valt att följa upp två saker: om eleverna känner "
                    "sig tryggare inför prov och om de upplever att de har någon vuxen att fråga om "
                    "skolarbetet. Frågorna ställs i början och slutet av varje termin. Resultaten har bland "
                    "annat lett till att verksamheten ändrat hur volontärerna fördelas mellan grupperna.",
                    "Ett arbetsintegrerande socialt företag i Blekinge har kombinerat uppgifter om hur "
                    "många medarbetare som går vidare till annan anställning med regelbundna samtal om hur "
                    "medarbetarna själva ser på sin utveckling. Det har gett en rikare bild än om man "
                    "enbart räknat övergångar till arbete, och har gjort det lättare att förklara "
                    "verksamhetens värde för kommunen.",
                    "En träffpunkt för äldre i Hälsingland har valt att inte använda enkäter alls. I stället "
                    "för personalen en enkel loggbok där de noterar förändringar de ser hos besökarna, och "
                    "en gång per halvår hålls ett gruppsamtal där besökarna själva får berätta vad "
                    "träffpunkten betyder för dem.",
                ],
            ),
            (
                "Rekommendationer till finansiärer",
                [
                    "Finansiärer har ett stort ansvar för att uppföljningen blir rimlig. Vi rekommenderar "
                    "att bidragsgivare i högre grad utgår från organisationens egna mål och uppföljning i "
                    "stället för att ställa egna, detaljerade krav. Där flera finansiärer stöder samma "
                    "organisation bör de sträva efter att samordna sina krav.",
                    "Vi rekommenderar också att finansiärer avsätter resurser för uppföljning i bidragen, "
                    "och att de efterfrågar reflektion och lärande och inte bara siffror. En redovisning "
                    "som ärligt beskriver vad som inte fungerade bör värderas högre än en som bara "
                    "beskriver framgångar. Först när misslyckanden kan redovisas utan risk för minskat stöd "
                    "kan uppföljningen bli ett verktyg för verklig utveckling.",
                ],
            ),
            (
                "Att komma igång",
                [
                    "För den som inte har arbetat med uppföljning tidigare kan det vara klokt att börja i "
                    "liten skala. Välj en enda verksamhet, till exempel en samtalsgrupp eller en "
                    "läxhjälpstermin, och pröva arbetsgången där under ett halvår. Erfarenheterna gör det "
                    "lättare att bedöma vad som är rimligt att införa i resten av organisationen.",
                    "Det är också värt att tidigt bestämma vem som ansvarar för uppföljningen och när "
                    "resultaten ska diskuteras. I många av de organisationer vi mött har det räckt med att "
                    "avsätta en punkt på två styrelsemöten per år. Det viktiga är att samtalet blir av och "
                    "att det leder till beslut, stora som små.",
                ],
            ),
        ],
        "read_more": [
            "Ny modell ska göra effektmätning enklare för små föreningar",
            "Johanna Berg",
        ],
    },
    {
        "title": "Från projekt till ordinarie verksamhet: hur sociala innovationer blir kvar",
        "summary": "Många lovande sociala innovationer försvinner när projektpengarna tar slut. "
        "Rapporten analyserar vad som skiljer de initiativ som blir kvar från dem som "
        "inte gör det, och ger rekommendationer till kommuner, regioner och idéburna "
        "organisationer.",
        "date": date(2026, 6, 24),
        "topics": ["Kommuner", "Civilsamhälle"],
        "authors": ["Maria Lindqvist", "Elif Demir"],
        "body": [
            (
                "paragraph",
                "Projektformen har blivit det vanligaste sättet att pröva nya idéer i "
                "välfärden. Det har många fördelar: projekt ger utrymme att experimentera, lockar extern "
                "finansiering och kan samla aktörer kring en gemensam uppgift. Men projektformen har "
                "också en baksida. När projekttiden är slut försvinner ofta både kunskapen och "
                "arbetssätten.",
            ),
            ("heading", "Femton initiativ under lupp"),
            (
                "paragraph",
                "I rapporten har vi följt femton sociala innovationer i lika många "
                "kommuner. Hälften har blivit en del av den ordinarie verksamheten, medan resten har "
                "avslutats eller lever kvar i begränsad form. Genom intervjuer med projektledare, "
                "chefer och politiker har vi försökt förstå vad som gjorde skillnaden.",
            ),
            (
                "quote",
                "Om en innovation blir kvar avgörs sällan i slutet av projektet. Det avgörs "
                "redan när projektet planeras.",
                "Maria Lindqvist, verksamhetschef på LSV",
            ),
            ("heading", "Fem rekommendationer"),
            (
                "paragraph",
                "Rapporten avslutas med fem rekommendationer till kommuner, regioner och "
                "idéburna organisationer. De handlar bland annat om att planera för ett långsiktigt "
                "ägarskap från start, att involvera linjechefer tidigt och att skapa stabilare former "
                "för samverkan mellan offentlig sektor och civilsamhälle, till exempel genom idéburet "
                "offentligt partnerskap.",
            ),
        ],
        "pdf_sections": [
            (
                "Bakgrund",
                [
                    "Kommuner, regioner och idéburna organisationer lägger varje år stora resurser på att "
                    "utveckla nya arbetssätt i välfärden. En betydande del av utvecklingsarbetet bedrivs i "
                    "projektform, ofta med finansiering från EU, staten eller privata stiftelser. Projekt "
                    "är tidsbegränsade per definition, och frågan om vad som händer efteråt får ofta för "
                    "lite uppmärksamhet.",
                    "Tidigare studier har visat att en stor andel av de projekt som bedöms som framgångsrika "
                    "ändå inte lever vidare när den externa finansieringen har upphört. Det innebär att "
                    "kunskap går förlorad, att medarbetare som byggt upp erfarenhet lämnar och att de "
                    "människor som haft nytta av insatserna förlorar ett stöd som fungerade.",
                    "Syftet med rapporten är att bidra till en bättre förståelse av vad som påverkar om en "
                    "social innovation blir kvar. Den bygger på fallstudier av femton initiativ i kommuner "
                    "av olika storlek, genomförda mellan hösten 2025 och våren 2026.",
                ],
            ),
            (
                "Vad skiljer de initiativ som blev kvar?",
                [
                    "Den tydligaste skillnaden mellan de initiativ som blev kvar och de som avslutades "
                    "gäller ägarskapet. I de initiativ som överlevde fanns det redan från början en chef i "
                    "den ordinarie organisationen som såg projektet som en del av sitt eget ansvar. I de "
                    "initiativ som avslutades var projektet ofta organiserat vid sidan av "
                    "linjeorganisationen, med en projektledare som saknade mandat att ändra ordinarie "
                    "rutiner.",
                    "En annan skillnad gäller hur resultaten följdes upp. De initiativ som blev kvar hade i "
                    "högre grad en uppföljning som var begriplig och relevant för dem som skulle besluta om "
                    "fortsättningen. Det handlade inte nödvändigtvis om avancerade utvärderingar, utan om "
                    "att på ett trovärdigt sätt kunna visa att insatsen gjorde skillnad för de människor "
                    "den riktade sig till.",
                    "En tredje faktor var tiden. Flera av de initiativ som avslutades hade haft en projekttid "
                    "på ett eller två år, vilket visade sig vara för kort för att hinna både utveckla "
                    "arbetssättet och förankra det i organisationen.",
                ],
            ),
            (
                "Tillit och styrning",
                [
                    "Många av de intervjuade beskriver att detaljerade styrmodeller och omfattande "
                    "rapporteringskrav har gjort det svårare att föra in nya arbetssätt i den ordinarie "
                    "verksamheten. När varje enhet mäts på ett stort antal indikatorer blir det riskabelt "
                    "att pröva något som inte passar in i de befintliga måtten.",
                    "I de kommuner där nya arbetssätt fått fäste har cheferna i stället haft mandat att "
                    "anpassa verksamheten efter de behov de ser. Det handlar om det som en av de "
                    "intervjuade cheferna kallade tillitsbaserad styrning i vardagen: att medarbetare och "
                    "chefer får utrymme att pröva, ompröva och ta ansvar för resultatet, utan att varje "
                    "avvikelse från rutinen behöver förankras i flera led.",
                    "Tillit innebär inte frånvaro av uppföljning. Tvärtom visar fallstudierna att de "
                    "verksamheter som hade stort handlingsutrymme också var noga med att följa upp vad de "
                    "gjorde. Skillnaden låg i att uppföljningen användes för lärande och inte i första hand "
                    "för kontroll.",
                ],
            ),
            (
                "Samverkan med civilsamhället",
                [
                    "Åtta av de femton initiativen bedrevs i samverkan mellan kommun och idéburna "
                    "organisationer. Här blir frågan om vad som händer efter projekttiden särskilt "
                    "kännbar. Föreningarna har ofta byggt upp verksamhet och anställt personal under "
                    "projektet, men saknar möjlighet att bära kostnaderna själva när finansieringen upphör.",
                    "De initiativ som lyckades bäst hade hittat en långsiktig form för samarbetet, "
                    "exempelvis genom idéburet offentligt partnerskap eller fleråriga överenskommelser. Det "
                    "gav föreningarna en stabilitet som gjorde det möjligt att planera och att behålla "
                    "kompetent personal.",
                ],
            ),
            (
                "Rekommendationer",
                [
                    "För det första bör varje utvecklingsprojekt redan vid start ha en plan för hur "
                    "arbetssättet ska tas över om det visar sig fungera. Planen bör ange vem som äger "
                    "frågan i den ordinarie organisationen och vilka beslut som behöver fattas. För det "
                    "andra bör linjechefer involveras tidigt och få ett tydligt ansvar för projektets "
                    "resultat.",
                    "För det tredje bör uppföljningen utformas så att den besvarar de frågor som "
                    "beslutsfattarna kommer att ställa när fortsättningen ska avgöras. För det fjärde bör "
                    "projekttiden vara tillräckligt lång, gärna tre år eller mer, så att det finns tid för "
                    "både utveckling och förankring.",
                    "För det femte bör kommuner och regioner utveckla mer långsiktiga former för samverkan "
                    "med civilsamhället. Det handlar både om finansieringsformer och om att bygga upp ett "
                    "ömsesidigt förtroende som håller även när projektpengarna tar slut.",
                ],
            ),
            (
                "Avslutande reflektion",
                [
                    "Det finns en risk att rapportens slutsatser läses som en uppmaning att göra varje "
                    "projekt permanent. Så är det inte menat. Ett projekt som prövar en idé och visar att "
                    "den inte fungerar har också gjort nytta, förutsatt att lärdomarna tas till vara och att "
                    "beslutet att avsluta fattas medvetet.",
                    "Det som behövs är snarare en tydligare koppling mellan utvecklingsarbete och ordinarie "
                    "verksamhet, så att de idéer som visar sig bära också får en chans att leva vidare. Med "
                    "bättre planering, ett tydligt ägarskap och en uppföljning som tjänar lärandet kan fler "
                    "goda initiativ bli en självklar del av välfärden.",
                ],
            ),
        ],
        "read_more": [
            "LSV lanserar nationellt nätverk för sociala innovatörer",
            "Elif Demir",
        ],
    },
    {
        "title": "Unga, boende och psykisk hälsa: en kunskapsöversikt",
        "summary": "Kunskapsöversikten sammanfattar vad forskning och praktik säger om sambanden "
        "mellan boendesituation och psykisk hälsa bland unga vuxna. Den riktar sig till "
        "kommuner, bostadsbolag och organisationer som möter unga i en osäker "
        "boendesituation.",
        "date": date(2026, 9, 30),
        "topics": ["Unga", "Bostad", "Psykisk hälsa"],
        "authors": ["Nadia Rahimi", "Johanna Berg"],
        "body": [
            (
                "paragraph",
                "Att flytta hemifrån är ett av de viktigaste stegen in i vuxenlivet. För "
                "många unga är det i dag ett steg som dröjer, eller som tas under osäkra former. "
                "Andrahandskontrakt, inneboendeavtal och tillfälliga lösningar hos vänner har blivit "
                "vanliga, särskilt i större städer.",
            ),
            (
                "paragraph",
                "I den här kunskapsöversikten sammanfattar vi vad svensk och internationell "
                "forskning säger om hur boendesituationen påverkar ungas psykiska hälsa. Vi kompletterar "
                "forskningen med erfarenheter från kommuner, bostadsbolag och organisationer som "
                "arbetar med unga.",
            ),
            ("heading", "Några huvudslutsatser"),
            (
                "paragraph",
                "Översikten visar att osäkerhet i boendet är förknippad med ökad risk för "
                "oro, nedstämdhet och sömnproblem. Trångboddhet och täta flyttar påverkar särskilt unga "
                "som redan befinner sig i en sårbar situation. Samtidigt finns lovande exempel på "
                "insatser som kombinerar bostad med stöd och som ger tydliga förbättringar.",
            ),
            (
                "quote",
                "Ett eget kontrakt är inte bara ett tak över huvudet. För många unga är det "
                "grunden för att kunna planera framåt.",
                "Nadia Rahimi, forskare i folkhälsovetenskap",
            ),
            (
                "paragraph",
                "Rapporten avslutas med förslag på hur kommuner och bostadsbolag kan arbeta "
                "mer förebyggande, bland annat genom ungdomsbostäder med stöd, rutiner för tidiga "
                "signaler vid hyresskulder och bättre samordning mellan socialtjänst och vård.",
            ),
        ],
        "pdf_sections": [
            (
                "Inledning och syfte",
                [
                    "Unga vuxnas boendesituation har förändrats påtagligt under de senaste två "
                    "decennierna. Åldern då unga flyttar hemifrån har stigit i flera delar av landet, och "
                    "andelen unga som bor med osäkra kontrakt har ökat. Samtidigt rapporterar allt fler "
                    "unga vuxna psykisk ohälsa i form av oro, ångest och nedstämdhet.",
                    "Syftet med kunskapsöversikten är att sammanfatta vad vi vet om sambanden mellan boende "
                    "och psykisk hälsa bland unga i åldern 18 till 29 år. Översikten bygger på en "
                    "genomgång av svensk och internationell forskning samt på intervjuer med företrädare "
                    "för kommuner, bostadsbolag och ideella organisationer.",
                ],
            ),
            (
                "Osäkerhet som belastning",
                [
                    "En återkommande slutsats i forskningen är att det inte enbart är bostadens standard "
                    "som påverkar hälsan, utan i hög grad tryggheten i boendet. Unga som bor med korta "
                    "andrahandskontrakt eller helt utan kontrakt beskriver en ständig oro för att behöva "
                    "flytta. Den oron påverkar sömn, koncentration och förmågan att planera för framtiden.",
                    "Täta flyttar innebär dessutom att sociala nätverk bryts. Den som flyttar flera gånger "
                    "per år har svårt att etablera relationer till grannar, att engagera sig i lokala "
                    "föreningar eller att behålla kontakten med vården. Flera studier visar att just "
                    "förlusten av sociala sammanhang är en viktig förklaring till sambandet mellan "
                    "instabilt boende och psykisk ohälsa.",
                    "Trångboddhet är en annan faktor. Unga som bor kvar hemma under trånga förhållanden, "
                    "eller som delar en liten lägenhet med flera andra, saknar ofta en plats att dra sig "
                    "tillbaka till. Det kan förstärka konflikter och göra det svårare att studera eller vila.",
                ],
            ),
            (
                "Grupper med särskild sårbarhet",
                [
                    "Vissa grupper är särskilt utsatta. Det gäller unga som lämnar samhällsvården, unga med "
                    "funktionsnedsättning och unga som kommit till Sverige utan sina föräldrar. För dessa "
                    "grupper saknas ofta det skyddsnät som en familj kan erbjuda, till exempel i form av "
                    "borgen, ekonomiskt stöd eller möjligheten att flytta hem igen om något går fel.",
                    "Även unga hbtqi-personer och unga som utsatts för våld i nära relationer löper "
                    "förhöjd risk att hamna i en osäker boendesituation. I intervjuerna beskriver flera "
                    "yrkesverksamma att dessa unga sällan söker hjälp i första hand för sitt boende. "
                    "Boendeproblemen framträder ofta först när de söker stöd för något annat.",
                ],
            ),
            (
                "Insatser som gör skillnad",
                [
                    "Forskningen om bostad först, där personer i hemlöshet erbjuds en egen bostad utan krav "
                    "på att först bli drogfria eller genomgå behandling, visar goda resultat även för unga "
                    "vuxna. Insatsen behöver dock anpassas, eftersom unga ofta har mindre erfarenhet av att "
                    "bo själva och ett större behov av stöd i vardagliga frågor.",
                    "Ungdomsbostäder med kopplat stöd är en annan lovande modell. Flera bostadsbolag har i "
                    "samarbete med kommuner skapat bostäder där unga får ett eget kontrakt och samtidigt "
                    "tillgång till en boendecoach. Erfarenheterna visar att det minskar risken för "
                    "hyresskulder och störningar, och att många unga kan flytta vidare till ett vanligt "
                    "kontrakt efter ett par år.",
                    "Tidiga signaler är ett tredje område. När hyresvärdar, socialtjänst och vård har "
                    "etablerade rutiner för att agera vid de första tecknen på problem, till exempel en "
                    "obetald hyra, kan många vräkningar förebyggas. Det förutsätter att den unge ger sitt "
                    "samtycke och att kontakten sker på ett respektfullt sätt.",
                ],
            ),
            (
                "Erfarenheter från praktiken",
                [
                    "I intervjuerna med yrkesverksamma återkommer några teman. Det första är att unga sällan "
                    "beskriver sina problem som boendeproblem. De talar om stress, om svårigheter att sova "
                    "eller om att inte orka med studierna. Först när samtalet fortsätter framgår det att de "
                    "har flyttat fyra gånger på ett år eller sover på en soffa hos en kompis.",
                    "Det andra temat är att stödet ofta är uppdelat på ett sätt som inte motsvarar ungas "
                    "verklighet. En ung person kan ha kontakt med socialtjänsten, en kurator på skolan och "
                    "en vårdcentral, utan att någon av dem har överblick över boendesituationen. Flera "
                    "intervjuade efterlyser en samordnande funktion som kan hålla ihop helheten.",
                    "Det tredje temat gäller bemötandet. Unga som tidigare har haft dåliga erfarenheter av "
                    "myndigheter är ofta försiktiga med att berätta om sin situation. Här spelar ideella "
                    "organisationer en viktig roll, eftersom de kan etablera en kontakt som bygger på "
                    "frivillighet och förtroende.",
                ],
            ),
            (
                "Slutsatser och förslag",
                [
                    "Översikten visar att boendet är en central men ofta förbisedd faktor för ungas "
                    "psykiska hälsa. Insatser för att stärka ungas psykiska hälsa bör därför i högre grad "
                    "ta hänsyn till boendesituationen, och bostadspolitiska beslut bör i högre grad beakta "
                    "konsekvenserna för ungas hälsa.",
                    "Vi föreslår att kommuner kartlägger ungas boendesituation som en del av sitt "
                    "folkhälsoarbete, att bostadsbolag i samverkan med kommunen utvecklar fler bostäder med "
                    "stöd för unga och att rutiner för tidiga signaler införs i fler kommuner. Slutligen "
                    "behövs mer forskning som följer unga över tid, så att vi bättre kan förstå hur boende "
                    "och hälsa påverkar varandra.",
                ],
            ),
        ],
        "read_more": [
            "Boende & hälsa: ”Vi måste sluta arbeta i stuprör”",
            "Psykisk ohälsa bland unga vuxna: tidiga insatser ger resultat i Umeå",
            "Nadia Rahimi",
        ],
    },
]

PERSON_READ_MORE = {
    "Johanna Berg": [
        "Ny modell ska göra effektmätning enklare för små föreningar",
        "Att mäta det som spelar roll: effektmätning i civilsamhället",
    ],
    "Tomas Nyberg": [
        "Sociala företag efterfrågar tydligare regler vid offentlig upphandling",
    ],
    "Nadia Rahimi": [
        "Unga, boende och psykisk hälsa: en kunskapsöversikt",
        "Boende & hälsa: ”Vi måste sluta arbeta i stuprör”",
    ],
}

# Tillgänglighetsredogörelsen, efter Diggs mall: en sida i sidfoten som redaktörer kan ändra.
ACCESSIBILITY_STATEMENT = {
    "title": "Tillgänglighetsredogörelse",
    "slug": "tillganglighet",
    "description": "Hur tillgänglig LSV:s webbplats är, kända brister och hur du rapporterar problem.",
    "body": [
        (
            "p",
            "LSV står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den, oavsett hur du läser, hör, ser eller navigerar. Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du kan rapportera problem till oss.",
        ),
        ("h2", "Hur tillgänglig är webbplatsen?"),
        (
            "p",
            "Webbplatsen uppfyller kraven i WCAG 2.1 nivå AA, och vi arbetar mot nivå AA i WCAG 2.2. Du kan använda hela webbplatsen med tangentbord, förstora texten till 200 procent och läsa den på en smal mobilskärm utan att behöva skrolla i sidled. Webbplatsen följer ditt val av ljust eller mörkt läge och av minskade animationer.",
        ),
        ("h2", "Vad kan du göra om du inte kan använda delar av webbplatsen?"),
        (
            "p",
            "Om du behöver innehåll från webbplatsen i ett annat format, till exempel en rapport som inte fungerar med din skärmläsare, kan du kontakta oss på tillganglighet@example.org. Vi svarar inom fem arbetsdagar.",
        ),
        ("h2", "Rapportera brister i webbplatsens tillgänglighet"),
        (
            "p",
            "Vi försöker hela tiden förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, skriv till tillganglighet@example.org. Berätta vilken sida det gäller, vad du försökte göra och vilket hjälpmedel du använde, så återkommer vi med hur och när vi åtgärdar problemet.",
        ),
        ("h2", "Tillsyn"),
        (
            "p",
            "Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg och påtala det på digg.se.",
        ),
        ("h2", "Kända brister"),
        (
            "p",
            "Pdf-filerna med våra white papers är inte fullt tillgängliga: de saknar taggad struktur, så en skärmläsare kan läsa dem i fel ordning. Sammanfattningen och de viktigaste slutsatserna finns alltid som text på webbsidan. Kontakta oss om du behöver en hel rapport i ett tillgängligt format.",
        ),
        (
            "p",
            "Inbäddade videor från andra webbplatser kan sakna textning. Vi arbetar med att texta allt videomaterial som vi själva producerar.",
        ),
        ("h2", "Hur vi har testat webbplatsen"),
        (
            "p",
            "Vi har gjort en självskattning av webbplatsen. Vid varje ändring av webbplatsens kod kontrolleras varje sidtyp automatiskt med axe-core, Nu Html Checker och Lighthouse, och vi testar tangentbordsnavigering och förstorad text i webbläsaren. Redogörelsen uppdaterades senast den 26 november 2026.",
        ),
    ],
}

ABOUT_PAGE = {
    "title": "Om LSV",
    "slug": "om-lsv",
    "description": "Vilka vi är, vad vi gör och hur du når oss.",
    "body": [
        (
            "p",
            "LSV är en ideell organisation som arbetar för social innovation. Vi samlar människor från civilsamhälle, offentlig sektor, forskning och näringsliv som vill pröva nya sätt att möta samhällets utmaningar – och ta reda på vad som faktiskt fungerar.",
        ),
        ("h2", "Vad vi gör"),
        (
            "p",
            "Vi följer och beskriver lokala initiativ, skriver fördjupande rapporter och driver nätverk där praktiker och forskare lär av varandra. Allt vi publicerar är fritt att läsa och dela.",
        ),
        ("h2", "Hur vi arbetar"),
        (
            "p",
            "Vi är partipolitiskt obundna och finansieras av medlemsavgifter, projektmedel och stiftelser. Våra rapporter granskas av minst en person utanför LSV innan de publiceras.",
        ),
        ("h2", "Kontakta oss"),
        (
            "p",
            "Skriv till kontakt@example.org om du vill veta mer, bli medlem eller tipsa oss om ett initiativ som borde bli känt.",
        ),
    ],
}

FOOTER = {
    "tagline": "för social innovation",
    "address": "LSV\nBox 1234\n111 22 Stockholm",
    "email": "kontakt@example.org",
    "social": [
        ("Mastodon", "https://mastodon.example.org/@lsv"),
        ("LinkedIn", "https://www.linkedin.com/company/example-lsv"),
        ("Youtube", "https://www.youtube.com/@example-lsv"),
    ],
}
