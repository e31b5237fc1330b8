#pragma once
// The head of sales' pipeline: stage titles, their order, hidden stages and stages of their own.
// The won and lost ends stay last and always shown; keys never change (deals refer to them).
#include "kasp/crm/dealservice.h"
#include <QDialog>

class QDialogButtonBox;
class QPushButton;
class QTableWidget;

namespace kasp::crm::ui {

class PipelineEditorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PipelineEditorDialog(DealService &service, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *addButton() const { return m_add; }
    // The stages as the table now orders and names them.
    QList<DealStageDef> editedStages() const;
    bool save(); // false with a message box on a refusal; the dialog stays open

    void accept() override;

private:
    void fill(const DealPipeline &pipeline);
    void addRow(const DealStageDef &stage, const QString &shownTitle);
    void addStage();
    void moveRow(int step);
    void updateButtons();

    DealService &m_service;
    QList<DealStageDef> m_stages; // by row; ids, keys and positions the table does not show
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_up;
    QPushButton *m_down;
    QDialogButtonBox *m_buttons;
};

} // namespace kasp::crm::ui
