package nlp

// norpWords are nationalities, religious and political groups (NORP):
// adjectives and plural nouns as news copy writes them.
var norpWords = []string{
	"Afghan", "Afghans", "African", "Africans", "Albanian", "Algerian", "American", "Americans",
	"Arab", "Arabs", "Argentine", "Armenian", "Armenians", "Asian", "Australian", "Austrian",
	"Azerbaijani", "Azeri", "Bahraini", "Balochi", "Baluch", "Bangladeshi", "Belarusian",
	"Belgian", "Bosnian", "Brazilian", "British", "Britons", "Bulgarian", "Burmese", "Burundian",
	"Cambodian", "Cameroonian", "Canadian", "Chadian", "Chechen", "Chilean", "Chinese",
	"Colombian", "Congolese", "Croatian", "Cuban", "Cypriot", "Czech", "Danish", "Dutch",
	"Egyptian", "Egyptians", "Emirati", "English", "Eritrean", "Estonian", "Ethiopian",
	"European", "Europeans", "Filipino", "Finnish", "French", "Georgian", "German", "Germans",
	"Ghanaian", "Greek", "Haitian", "Hungarian", "Indian", "Indonesian", "Iranian", "Iranians",
	"Iraqi", "Iraqis", "Irish", "Israeli", "Israelis", "Italian", "Japanese", "Jordanian",
	"Kazakh", "Kenyan", "Korean", "Kosovar", "Kurdish", "Kurd", "Kurds", "Kuwaiti", "Kyrgyz",
	"Latvian", "Lebanese", "Libyan", "Libyans", "Lithuanian", "Malaysian", "Malian", "Mexican",
	"Moldovan", "Mongolian", "Moroccan", "Mozambican", "Nigerian", "Nigerien", "Norwegian",
	"Omani", "Pakistani", "Pakistanis", "Palestinian", "Palestinians", "Polish", "Portuguese",
	"Qatari", "Romanian", "Russian", "Russians", "Rwandan", "Saudi", "Saudis", "Scottish",
	"Senegalese", "Serb", "Serbian", "Serbs", "Slovak", "Slovenian", "Somali", "Somalis",
	"South African", "South Korean", "North Korean", "South Sudanese", "Spanish", "Sudanese",
	"Swedish", "Swiss", "Syrian", "Syrians", "Taiwanese", "Tajik", "Tanzanian", "Thai",
	"Tunisian", "Turkish", "Turkmen", "Turks", "Ugandan", "Ukrainian", "Ukrainians", "Uzbek",
	"Venezuelan", "Vietnamese", "Western", "Westerners", "Yemeni", "Yemenis", "Zimbabwean",
	"Shiite", "Shiites", "Shia", "Shi'ite", "Sunni", "Sunnis", "Muslim", "Muslims", "Islamic",
	"Christian", "Christians", "Jewish", "Jews", "Druze", "Alawite", "Alawites", "Hindu",
	"Hindus", "Buddhist", "Catholic", "Orthodox", "Coptic", "Copts", "Yazidi", "Yazidis",
	"Pashtun", "Hazara", "Tamil", "Uighur", "Uyghur", "Rohingya", "Tigrayan", "Amhara",
	"Oromo", "Fulani", "Hausa", "Tuareg", "Houthi", "Houthis", "Baathist", "Islamist",
	"Islamists", "Jihadist", "Jihadists", "Salafist", "Zionist", "Sovie", "Soviet",
	"Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Communist",
	"Communists", "Socialist", "Kremlin-backed", "pro-Iran", "pro-Iranian", "pro-Russian",
	"pro-Russia", "pro-Kremlin", "pro-Western", "pro-government", "anti-government",
	"Israeli-Palestinian", "Russian-backed", "Iran-backed", "Iranian-backed", "US-backed",
	"U.S.-backed", "Saudi-led", "US-led", "U.S.-led", "NATO-led", "Russian-speaking",
	"Scandinavian", "Baltic", "Nordic", "Gulf", "Latin American", "Arab-Israeli",
}

// weaponWords are weapon systems and platforms news copy names.
var weaponWords = []string{
	"Patriot", "Patriots", "Patriot system", "Patriot systems", "Patriot missile", "Patriot missiles",
	"Shahed", "Shaheds", "Shahed-136", "Shahed-131", "Shahed-238", "Geran-2", "Geran",
	"Iskander", "Iskander-M", "Iskander-K", "Kinzhal", "Kalibr", "Kh-101", "Kh-22", "Kh-59",
	"Oniks", "Zircon", "Tochka-U", "S-300", "S-400", "S-500", "Pantsir", "Buk", "Tor",
	"HIMARS", "ATACMS", "GMLRS", "Storm Shadow", "SCALP", "Taurus", "NASAMS", "IRIS-T",
	"SAMP/T", "Gepard", "Stinger", "Stingers", "Javelin", "Javelins", "NLAW", "TOW",
	"Bayraktar", "Bayraktar TB2", "TB2", "Lancet", "Orlan-10", "Switchblade", "Reaper",
	"MQ-9", "MQ-9 Reaper", "Predator", "F-16", "F-16s", "F-35", "F-35s", "F-15", "Su-25",
	"Su-27", "Su-34", "Su-35", "MiG-29", "MiG-31", "Tu-95", "Tu-22M3", "Tu-160", "A-50",
	"Abrams", "Leopard", "Leopard 2", "Challenger 2", "Bradley", "Bradleys", "Stryker",
	"Marder", "T-72", "T-80", "T-90", "BMP-2", "Caesar", "M777", "Krab", "Grad", "Smerch",
	"Uragan", "Tornado-S", "Katyusha", "Katyushas", "Katyusha rockets", "Qassam", "Fajr-5",
	"Burkan", "Quds-1", "Samad", "Fateh-110", "Zolfaghar", "Kheibar Shekan", "Sejjil",
	"Shahab-3", "Emad", "Ghadr", "Khorramshahr", "Iron Dome", "David's Sling", "Arrow",
	"THAAD", "Aegis", "Tomahawk", "Hellfire", "Kornet", "RPG-7", "AK-47", "Kalashnikov",
	"Mohajer", "Mohajer-6", "Ababil", "Hermes", "Heron", "Harop", "Wing Loong",
}

// armedGroups are armed groups, militias and security bodies that news copy
// names and the Phoenix dictionaries (about 2014) lack.
var armedGroups = []string{
	"Kataib Hezbollah", "Kata'ib Hezbollah", "Kata’ib Hezbollah", "Kataeb Hezbollah",
	"Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq", "Harakat Hezbollah al-Nujaba", "al-Nujaba",
	"Kataib Sayyid al-Shuhada", "Popular Mobilization Forces", "Popular Mobilisation Forces",
	"PMF", "Hashd al-Shaabi", "Badr Organization", "Hezbollah", "Hizbollah", "Hizballah",
	"Hamas", "Islamic Jihad", "Palestinian Islamic Jihad", "Houthis", "Houthi", "Ansar Allah",
	"Islamic State", "ISIS", "ISIL", "IS", "Daesh", "al-Qaeda", "al Qaeda", "al-Qaida",
	"Hayat Tahrir al-Sham", "HTS", "al-Shabaab", "al-Shabab", "Boko Haram", "ISWAP",
	"JNIM", "Wagner", "Wagner Group", "Africa Corps", "Rapid Support Forces", "RSF",
	"Syrian Democratic Forces", "SDF", "YPG", "PKK", "Kurdistan Workers' Party",
	"Peshmerga", "Taliban", "Tehrik-i-Taliban Pakistan", "TTP", "M23", "ADF",
	"Allied Democratic Forces", "Fano", "TPLF", "Tigray People's Liberation Front",
	"Arakan Army", "Quds Force", "IRGC", "Revolutionary Guards", "Islamic Revolutionary Guard Corps",
	"Azov", "Azov Brigade", "Akhmat", "Lebanese Hezbollah",
}

// mediaOutlets are news agencies and outlets, which the model tends to
// read as places when they stand alone in captions and datelines.
var mediaOutlets = []string{
	"Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse",
	"Asharq Al-Awsat", "Al Jazeera", "Al-Jazeera", "Al Arabiya", "BBC", "CNN", "VOA",
	"Voice of America", "TASS", "Tass", "RIA Novosti", "Interfax", "Ukrinform", "IRNA", "Fars",
	"Tasnim", "SANA", "Anadolu", "Xinhua", "Kyiv Independent", "New York Times",
	"The New York Times", "Washington Post", "The Washington Post", "Wall Street Journal",
	"The Wall Street Journal", "Financial Times", "The Guardian", "Bloomberg", "Axios",
	"Politico", "Al-Monitor", "Kommersant", "RT", "Sputnik", "Al Mayadeen", "Al-Manar",
	"Rudaw", "Kurdistan 24", "Times of Israel", "Haaretz", "Ynet", "Dawn",
}

// currentLeaders are people in conflict news of the 2020s whom the Phoenix
// dictionaries (about 2014) do not list.
var currentLeaders = []string{
	"Volodymyr Zelensky", "Zelensky", "Zelenskyy", "Volodymyr Zelenskyy", "Vladimir Putin", "Putin",
	"Joe Biden", "Biden", "Donald Trump", "Trump", "Benjamin Netanyahu", "Netanyahu",
	"Recep Tayyip Erdogan", "Erdogan", "Xi Jinping", "Emmanuel Macron", "Macron", "Olaf Scholz",
	"Scholz", "Friedrich Merz", "Merz", "Keir Starmer", "Starmer", "Mark Rutte", "Rutte",
	"Jens Stoltenberg", "Stoltenberg", "Ali Khamenei", "Khamenei", "Ebrahim Raisi", "Raisi",
	"Masoud Pezeshkian", "Pezeshkian", "Abbas Araghchi", "Araghchi", "Mohammed Shia al-Sudani",
	"al-Sudani", "Ahmed al-Sharaa", "al-Sharaa", "Bashar al-Assad", "Assad",
	"Abdel Fattah al-Burhan", "Burhan", "Mohamed Hamdan Dagalo", "Hemedti", "Abiy Ahmed",
	"Bola Tinubu", "William Ruto", "Ruto", "Paul Kagame", "Kagame", "Felix Tshisekedi",
	"Tshisekedi", "Yahya Sinwar", "Sinwar", "Ismail Haniyeh", "Haniyeh", "Hassan Nasrallah",
	"Nasrallah", "Naim Qassem", "Abdul-Malik al-Houthi", "Yevgeny Prigozhin", "Prigozhin",
	"Sergei Shoigu", "Shoigu", "Andrei Belousov", "Belousov", "Valery Gerasimov", "Gerasimov",
	"Sergei Lavrov", "Lavrov", "Dmitry Peskov", "Peskov", "Vladimir Medinsky", "Medinsky",
	"Oleksandr Syrskyi", "Syrskyi", "Rustem Umerov", "Umerov", "Andriy Yermak", "Yermak",
	"Kirill Budanov", "Budanov", "Pete Hegseth", "Hegseth", "Lloyd Austin", "Marco Rubio",
	"Rubio", "Antony Blinken", "Blinken", "Boris Pistorius", "Pistorius", "John Healey",
	"Antonio Guterres", "Guterres", "Qassem Soleimani", "Soleimani", "Esmail Ghaani", "Ghaani",
	"Esmail Qaani", "Qaani", "Kenneth McKenzie", "Michael Kurilla", "Abu Bakr al-Baghdadi",
	"Min Aung Hlaing", "Shehbaz Sharif", "Asim Munir", "Narendra Modi", "Modi",
	"Kim Jong Un", "Kim Jong-un", "Aleksandr Lukashenko", "Alexander Lukashenko", "Lukashenko",
	"Ursula von der Leyen", "Kaja Kallas", "Kallas", "Josep Borrell", "Borrell",
	"Mahmoud Abbas", "Yoav Gallant", "Gallant", "Israel Katz", "Herzi Halevi",
}

// morePersons extends currentLeaders for the rule layer only (the model was
// trained with currentLeaders as it stands; names added here correct its
// output without retraining).
var morePersons = []string{
	"Xi", "Abu Mohammed al-Jolani", "al-Jolani", "Jolani", "Abu Mohammed al-Golani", "Golani",
	"Mohammed bin Salman", "Hakan Fidan", "Fidan", "Steve Witkoff", "Witkoff", "Keith Kellogg",
	"Kellogg", "Mike Waltz", "Waltz", "JD Vance", "Vance", "Tedros Adhanom Ghebreyesus", "Tedros",
}
