import { defineErrors } from '../../http/app-error.js';

export const listsErrors = defineErrors({
  LIST_NOT_FOUND: { status: 404, message: 'There is no such list.' },
  LIST_ITEM_NOT_FOUND: { status: 404, message: 'This influencer is not on the list.' },
  LIST_NAME_TAKEN: { status: 409, message: 'You already have a list with this name.' },
  LIST_IMPORT_INVALID: { status: 400, message: 'Some rows cannot be imported; nothing was imported. Fix them and try again.' },
  INFLUENCER_NOT_FOUND: { status: 404, message: 'There is no such influencer, or the profile is not public.' },
  SAVED_SEARCH_NOT_FOUND: { status: 404, message: 'There is no such saved search.' },
});
