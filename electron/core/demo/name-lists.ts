/**
 * Given and family names, in the Latin spelling applicants type into the e-recruitment form, for
 * nationalities that faker either lacks or writes in another script (Greek, Cyrillic, Georgian,
 * Armenian, CJK). Family names that change with sex have both forms.
 */
export interface NameList {
  readonly female: readonly string[];
  readonly male: readonly string[];
  readonly lastFemale: readonly string[];
  readonly lastMale: readonly string[];
}

function list(female: string, male: string, lastFemale: string, lastMale: string = lastFemale): NameList {
  const split = (s: string): string[] => s.split('|');
  return { female: split(female), male: split(male), lastFemale: split(lastFemale), lastMale: split(lastMale) };
}

export const NAME_LISTS = {
  icelandic: list(
    'Guðrún|Anna|Kristín|Sigríður|Helga|Sara|Katrín|Eva|Jóhanna|Margrét|Elín|Hildur|Þórdís|Ásdís',
    'Jón|Sigurður|Guðmundur|Gunnar|Ólafur|Einar|Kristján|Magnús|Stefán|Jóhann|Birgir|Arnar|Þórður|Ágúst',
    'Jónsdóttir|Sigurðardóttir|Guðmundsdóttir|Gunnarsdóttir|Ólafsdóttir|Einarsdóttir|Kristjánsdóttir|Magnúsdóttir|Stefánsdóttir|Jóhannsdóttir|Birgisdóttir|Arnardóttir',
    'Jónsson|Sigurðsson|Guðmundsson|Gunnarsson|Ólafsson|Einarsson|Kristjánsson|Magnússon|Stefánsson|Jóhannsson|Birgisson|Arnarson',
  ),
  luxembourgish: list(
    'Laura|Sarah|Léa|Emma|Lena|Julie|Claire|Anne|Mia|Charlotte|Sophie|Lynn|Joëlle',
    'Luc|Tom|Ben|Max|Noah|Gilles|Marc|Pol|Jeff|Laurent|Yves|Mathis|Loïc',
    'Schmit|Muller|Weber|Wagner|Hoffmann|Thill|Schroeder|Reuter|Klein|Kremer|Meyer|Faber|Welter|Majerus|Hansen|Schiltz|Da Silva|Ferreira|Goedert|Wirtz|Glesener|Bettendorf',
  ),
  greek: list(
    'Eleni|Maria|Aikaterini|Sofia|Georgia|Ioanna|Dimitra|Konstantina|Vasiliki|Anastasia|Christina|Despoina|Angeliki|Panagiota',
    'Georgios|Dimitrios|Konstantinos|Ioannis|Nikolaos|Panagiotis|Christos|Vasileios|Athanasios|Michail|Evangelos|Alexandros|Spyridon|Stavros',
    'Papadopoulou|Papadaki|Georgiou|Oikonomou|Nikolaidou|Vlachou|Karagianni|Antoniou|Dimitriou|Makri|Pappa|Alexiou|Konstantinidou|Christodoulou|Papageorgiou',
    'Papadopoulos|Papadakis|Georgiou|Oikonomou|Nikolaidis|Vlachos|Karagiannis|Antoniou|Dimitriou|Makris|Pappas|Alexiou|Konstantinidis|Christodoulou|Papageorgiou',
  ),
  bulgarian: list(
    'Maria|Ivana|Elena|Desislava|Gergana|Viktoria|Yoana|Nikol|Teodora|Radostina|Tsvetelina|Kalina',
    'Georgi|Ivan|Dimitar|Nikolay|Aleksandar|Hristo|Stoyan|Todor|Martin|Kaloyan|Borislav|Vasil',
    'Ivanova|Georgieva|Dimitrova|Petrova|Nikolova|Hristova|Stoyanova|Todorova|Ilieva|Angelova|Koleva|Yordanova',
    'Ivanov|Georgiev|Dimitrov|Petrov|Nikolov|Hristov|Stoyanov|Todorov|Iliev|Angelov|Kolev|Yordanov',
  ),
  estonian: list(
    'Mari|Kadri|Liis|Kristiina|Triin|Anu|Kati|Maarja|Helen|Laura|Kertu|Getter|Külli',
    'Martin|Rasmus|Markus|Karl|Andres|Tõnis|Jüri|Siim|Rein|Mihkel|Kaspar|Priit|Tõnu',
    'Tamm|Saar|Sepp|Mägi|Kask|Kukk|Rebane|Ilves|Pärn|Koppel|Lepik|Kuusk|Kallas|Mets|Vaher|Õunapuu',
  ),
  lithuanian: list(
    'Rūta|Eglė|Gabija|Austėja|Ieva|Greta|Miglė|Kotryna|Ugnė|Emilija|Justina|Agnė',
    'Jonas|Mantas|Lukas|Matas|Tomas|Paulius|Dovydas|Karolis|Vytautas|Mindaugas|Žygimantas|Domantas',
    'Kazlauskaitė|Jankauskaitė|Petrauskaitė|Stankevičiūtė|Vasiliauskaitė|Žukauskaitė|Butkutė|Paulauskienė|Urbonaitė|Kavaliauskienė|Navickaitė|Ramanauskaitė',
    'Kazlauskas|Jankauskas|Petrauskas|Stankevičius|Vasiliauskas|Žukauskas|Butkus|Paulauskas|Urbonas|Kavaliauskas|Navickas|Ramanauskas',
  ),
  albanian: list(
    'Ana|Elona|Klea|Era|Sara|Amelia|Kejsi|Megi|Anxhela|Ardita|Erisa|Dea|Enkeleda',
    'Arben|Ardit|Erion|Klajdi|Besnik|Gentian|Dritan|Endrit|Kledi|Arlind|Fatjon|Ilir|Ergys',
    'Hoxha|Shehu|Leka|Dervishi|Çela|Gjoka|Kola|Basha|Marku|Berisha|Xhafa|Mema|Dushku|Gjoni|Çaushi',
  ),
  macedonian: list(
    'Elena|Marija|Ana|Sara|Teodora|Ivana|Kristina|Simona|Jovana|Angela|Biljana|Aleksandra',
    'Aleksandar|Nikola|Stefan|Filip|Marko|Dimitar|Goran|Darko|Bojan|Igor|Vladimir|Kristijan',
    'Stojanovska|Nikolovska|Petrovska|Trajkovska|Jovanovska|Dimitrovska|Ristovska|Angelovska|Georgievska|Kostovska|Ilievska|Markovska',
    'Stojanovski|Nikolovski|Petrovski|Trajkovski|Jovanovski|Dimitrovski|Ristovski|Angelovski|Georgievski|Kostovski|Ilievski|Markovski',
  ),
  ukrainian: list(
    'Olena|Kateryna|Anastasiia|Oksana|Iryna|Yuliia|Daria|Sofiia|Viktoriia|Khrystyna|Mariia|Tetiana|Yevheniia',
    'Oleksandr|Andrii|Dmytro|Serhii|Mykola|Yurii|Bohdan|Taras|Maksym|Volodymyr|Ivan|Artem|Yevhen',
    'Shevchenko|Kovalenko|Bondarenko|Tkachenko|Kravchenko|Melnyk|Boiko|Koval|Oliinyk|Shevchuk|Polishchuk|Lysenko|Marchenko|Rudenko|Savchenko|Hrytsenko',
  ),
  british: list(
    'Olivia|Amelia|Isla|Emily|Sophie|Charlotte|Lucy|Hannah|Grace|Eleanor|Chloe|Jessica|Rebecca|Freya|Imogen|Harriet|Niamh|Zara',
    'Oliver|George|Harry|Jack|Thomas|James|William|Charlie|Alfie|Samuel|Joshua|Daniel|Edward|Callum|Rhys|Hamish|Arjun|Kieran',
    "Smith|Jones|Williams|Taylor|Brown|Davies|Evans|Wilson|Thomas|Johnson|Roberts|Robinson|Thompson|Wright|Walker|White|Edwards|Hughes|Green|Hall|Lewis|Harris|Clarke|Patel|Jackson|Wood|Turner|Cooper|Hill|Ward|Morris|Moore|King|Baker|Harrison|Morgan|Scott|Phillips|Watson|Parker|Price|Bennett|Young|Griffiths|Mitchell|Carter|Richardson|Bailey|Collins|Bell|Shaw|Khan|Marshall|Simpson|Ellis|Singh|Wilkinson|Foster|Chapman|Powell|Webb|Mason|Ali|Hussain|Campbell|Matthews|Owen|Palmer|Holmes|Knight|Lloyd|Russell|Fisher|Jenkins|Murray|MacDonald|Fraser|O'Connell|Ffrench-Mullen",
  ),
  irish: list(
    'Aoife|Siobhán|Niamh|Saoirse|Róisín|Ciara|Sinéad|Orla|Emma|Sarah|Caoimhe|Áine|Clodagh',
    'Seán|Ciarán|Conor|Cian|Darragh|Eoin|Oisín|Pádraig|Liam|Jack|Cathal|Tadhg|Diarmuid',
    "Murphy|Kelly|O'Sullivan|Walsh|O'Brien|Byrne|Ryan|O'Connor|O'Neill|Ó Súilleabháin|McCarthy|Doyle|Gallagher|Ó Briain|Mac Giolla Phádraig|Fitzgerald",
  ),
  georgian: list(
    'Nino|Mariam|Tamar|Ana|Salome|Natia|Ketevan|Elene|Nana|Sopio|Tamta|Mariami',
    'Giorgi|Davit|Luka|Levan|Irakli|Nikoloz|Aleksandre|Sandro|Lasha|Zurab|Tornike|Otar',
    'Beridze|Kapanadze|Gelashvili|Maisuradze|Giorgadze|Lomidze|Tsiklauri|Bolkvadze|Kvaratskhelia|Nozadze|Chkheidze|Khutsishvili',
  ),
  armenian: list(
    'Anahit|Ani|Lilit|Mariam|Nare|Gayane|Arpine|Tatevik|Sona|Hasmik',
    'Aram|Armen|Davit|Hayk|Narek|Tigran|Vahe|Gor|Arsen|Levon',
    'Hakobyan|Grigoryan|Sargsyan|Harutyunyan|Petrosyan|Hovhannisyan|Karapetyan|Khachatryan|Vardanyan|Avetisyan',
  ),
  maltese: list(
    'Maria|Francesca|Martina|Julia|Nicole|Rebecca|Elena|Emma|Gabriella',
    'Matthew|Luke|Jean|Karl|Nicholas|Andrea|Daniel|Gianluca|Kurt',
    'Borg|Camilleri|Vella|Farrugia|Zammit|Galea|Micallef|Grech|Attard|Spiteri|Azzopardi|Mifsud|Cassar|Debono',
  ),
  japanese: list(
    'Yuki|Haruka|Aoi|Sakura|Yui|Misaki|Rin|Mei|Nanami|Ayaka',
    'Haruto|Sota|Yuto|Ren|Takumi|Kenta|Daiki|Shota|Riku|Kaito',
    'Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|Ōno',
  ),
  chinese: list(
    'Wei|Jing|Li|Xinyi|Yuxuan|Min|Xiaoyu|Ying|Fang|Hui',
    'Wei|Hao|Jun|Yang|Lei|Tao|Zhiwei|Haoran|Yuchen|Jian',
    'Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun',
  ),
  korean: list(
    'Ji-woo|Seo-yeon|Min-ji|Su-bin|Ha-eun|Ye-jin|Yu-na|Da-eun',
    'Min-jun|Seo-jun|Ji-ho|Hyun-woo|Jun-seo|Do-yun|Jae-won|Sung-min',
    'Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon|Jang|Lim',
  ),
} as const satisfies Record<string, NameList>;

export type NameListKey = keyof typeof NAME_LISTS;
