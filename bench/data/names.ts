// Names, e-mail domains and area codes of a Québec/French clientele, most frequent first: the seed
// draws early entries more often, as real registers do (Tremblay, Gagnon and Roy crowd the list).

function list(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter(Boolean);
}

export const LAST_NAMES = list(`
  Tremblay, Gagnon, Roy, Côté, Bouchard, Gauthier, Morin, Lavoie, Fortin, Gagné, Ouellet, Pelletier,
  Bélanger, Lévesque, Bergeron, Leblanc, Paquette, Girard, Simard, Boucher, Caron, Beaulieu, Cloutier,
  Dubé, Poirier, Fournier, Lapointe, Leclerc, Lefebvre, Poulin, Thibault, St-Pierre, Nadeau, Martin,
  Landry, Martel, Bédard, Grenier, Lessard, Bernier, Richard, Michaud, Hébert, Desjardins, Couture,
  Turcotte, Lachance, Parent, Blais, Gosselin, Savard, Proulx, Beaudoin, Demers, Perron, Boudreau,
  Allard, Deschênes, Brassard, Dionne, Vallée, Létourneau, Ménard, Thériault, Dupuis, Fréchette, Labbé,
  Champagne, Rousseau, Dufour, Mercier, Giroux, Lemieux, Charbonneau, Lacroix, Marchand, Séguin,
  Dubois, Durand, Lefèvre, Moreau, Laurent, Garnier, Faure, Guérin, Perrin, Chevalier, François,
  Legrand, Lambert, Bonnet, Fontaine, Nguyen, Côté-Tremblay, Saint-Onge, D'Amours, Da Silva, Le Gall,
  Prévost, Barthélemy, Lemaître, Bénard, Maréchal, Lévêque, Étienne, Gélinas, Bérubé, Jolicœur, Haddad,
  Benali, Joseph, Pierre-Louis, Ouimet, Trudel, Viau, Ricard, Sauvé, Aubé
`);

export const FIRST_NAMES = list(`
  Marie, Jean, Sylvie, Michel, Louise, Pierre, Nathalie, Stéphane, Chantal, Daniel, Isabelle, Éric,
  Julie, Martin, Sophie, François, Mélanie, Luc, Geneviève, André, Catherine, Sébastien, Émilie,
  Mathieu, Josée, Alain, Hélène, Marc, Francine, Denis, Johanne, Réjean, Céline, Gaétan, Thérèse,
  Benoît, Lucie, Yves, Diane, Normand, Monique, Claude, Ginette, Gilles, Nicole, Marcel, Jocelyne,
  René, Gisèle, Roger, Léa, William, Emma, Thomas, Olivia, Félix, Chloé, Nathan, Zoé, Samuel, Alice,
  Raphaël, Charlotte, Noah, Florence, Jacob, Béatrice, Liam, Rosalie, Léo, Éloïse, Édouard, Juliette,
  Loïc, Maëlle, Théo, Anaïs, Émile, Noémie, Zacharie, Océane, Mathis, Laurence, Jérémie, Ève, Antoine,
  Camille, Olivier, Marie-Ève, Jean-François, Marie-Claude, Jean-Philippe, Anne-Sophie, Pier-Luc,
  Maryse, Mario, Marcelle, Margot, Aurélie, Cécile, Adèle, Inès, Gaël, Hugo, Amélie, Véronique,
  Frédéric, Jérôme, Rémi, Noé, Élodie, Mélodie, Héloïse, Joël, Ariane, Yasmine, Mohamed, Wei, Fatou
`);

export const EMAIL_DOMAINS = list(`
  gmail.com, hotmail.com, videotron.ca, outlook.com, yahoo.ca, sympatico.ca, live.ca, icloud.com,
  orange.fr, free.fr, globetrotter.net, cgocable.ca
`);

/** Montréal first, then the rest of Québec. */
export const AREA_CODES = ['514', '438', '450', '579', '418', '581', '819', '873', '367'];
