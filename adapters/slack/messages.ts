// The Slack adapter's own words (buttons, sharing, Slack-specific hints), looked up before the core catalog.
// Keep `&`, `<` and `>` out of these strings: the renderer escapes catalog text like any other text.
import { translator, type Catalogs, type Lang, type Translate } from '../../src/i18n/catalog.js';
import { MESSAGES } from '../../src/i18n/messages.js';

export const SLACK_MESSAGES: Catalogs = {
  en: {
    'slack.button.share': 'Share in channel',
    'slack.button.more': 'More results',
    'slack.button.details': 'Details',
    'slack.sharedBy': 'Shared by {user}',
    'slack.shareFailed': 'I could not post in this channel. Invite me to it (/invite), then try again.',
    'slack.expired': 'That button no longer works. Please ask again.',
    'slack.noMore': 'No more results.',
    'slack.relatedMore': '…and {n} more',
    'slack.shortened': 'Shortened to fit in Slack.',
    'slack.help.intro': 'Ask me with /rights followed by what you are looking for, by mentioning me, or in a direct message.',
    'slack.help.example': '/rights {example}',
    'empty.help': 'Type /rights help for examples.',
  },
  es: {
    'slack.button.share': 'Compartir en el canal',
    'slack.button.more': 'Más resultados',
    'slack.button.details': 'Detalles',
    'slack.sharedBy': 'Compartido por {user}',
    'slack.shareFailed': 'No pude publicar en este canal. Invítame (/invite) y vuelve a intentarlo.',
    'slack.expired': 'Ese botón ya no funciona. Vuelve a preguntar, por favor.',
    'slack.noMore': 'No hay más resultados.',
    'slack.relatedMore': '…y {n} más',
    'slack.shortened': 'Abreviado para caber en Slack.',
    'slack.help.intro': 'Pregúntame con /rights seguido de lo que buscas, mencionándome o por mensaje directo.',
    'slack.help.example': '/rights {example}',
    'empty.help': 'Escribe /rights help para ver ejemplos.',
  },
  fr: {
    'slack.button.share': 'Partager dans le canal',
    'slack.button.more': 'Plus de résultats',
    'slack.button.details': 'Détails',
    'slack.sharedBy': 'Partagé par {user}',
    'slack.shareFailed': 'Je n’ai pas pu publier dans ce canal. Invitez-moi (/invite), puis réessayez.',
    'slack.expired': 'Ce bouton ne fonctionne plus. Veuillez reposer la question.',
    'slack.noMore': 'Il n’y a pas d’autres résultats.',
    'slack.relatedMore': '…et {n} de plus',
    'slack.shortened': 'Raccourci pour tenir dans Slack.',
    'slack.help.intro': 'Interrogez-moi avec /rights suivi de ce que vous cherchez, en me mentionnant ou en message direct.',
    'slack.help.example': '/rights {example}',
    'empty.help': 'Tapez /rights help pour voir des exemples.',
  },
};

/** Slack wording first, then the core's, then English. */
export function translate(lang: Lang): Translate {
  return translator(lang, SLACK_MESSAGES, MESSAGES);
}
